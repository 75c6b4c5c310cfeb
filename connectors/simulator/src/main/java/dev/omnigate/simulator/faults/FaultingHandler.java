package dev.omnigate.simulator.faults;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Wraps a vendor simulator's handler and applies that vendor's current {@link FaultSettings} to each request before
 * (or instead of) the simulator answering. With no faults set it only counts the request and delegates. Faults act
 * on the wire, so a real client (the connector) observes them exactly as it would a failing vendor:
 * <ul>
 *   <li>down: HTTP 503 in the vendor's error shape, at once;</li>
 *   <li>latency: the answer (or the fault) comes {@code latencyMs + 0..jitterMs} later;</li>
 *   <li>reset: the connection is closed without any response bytes (clients see "connection reset" or "unexpected
 *       end of stream");</li>
 *   <li>error: {@code status} in the vendor's error shape (see {@link VendorErrors});</li>
 *   <li>malformed: HTTP 200, {@code Content-Type: application/json}, a truncated JSON body.</li>
 * </ul>
 */
public final class FaultingHandler implements HttpHandler {

    /** What a malformed answer sends: the start of a JSON document, cut off. */
    static final byte[] MALFORMED_BODY = "{\"data\":{\"truncated\":[{\"id\":".getBytes(StandardCharsets.UTF_8);

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final String vendor;
    private final FaultControls controls;
    private final HttpHandler delegate;

    private FaultingHandler(String vendor, FaultControls controls, HttpHandler delegate) {
        this.vendor = FaultControls.requireVendor(vendor);
        this.controls = requireNonNull(controls, "controls is null");
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /** {@code handler} under the faults {@code controls} holds for {@code vendor} (a connector id). */
    public static HttpHandler wrap(String vendor, FaultControls controls, HttpHandler handler) {
        return new FaultingHandler(vendor, controls, handler);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        FaultControls.Vendor state = controls.vendor(vendor);
        state.requests.incrementAndGet();
        // ids and numbers vary per request; counting by route shape keeps the map small
        String route = exchange.getRequestMethod() + " " + DIGITS.matcher(exchange.getRequestURI().getPath()).replaceAll("{n}");
        state.routes.computeIfAbsent(route, key -> new LongAdder()).increment();
        FaultSettings settings = state.settings;
        if (settings.isNone()) {
            delegate.handle(exchange);
            return;
        }
        if (settings.down()) {
            state.injected.incrementAndGet();
            error(exchange, 503, settings.retryAfterSeconds());
            return;
        }
        long delay = settings.latencyMs() + state.jitter(settings.jitterMs());
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                // the simulator is closing: drop the connection rather than answer late
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
        }
        if (state.roll(settings.resetRate())) {
            state.injected.incrementAndGet();
            // closing before any response header makes the JDK server close the socket: no status line reaches the client
            exchange.close();
            return;
        }
        if (state.roll(settings.errorRate())) {
            state.injected.incrementAndGet();
            error(exchange, settings.status(), settings.retryAfterSeconds());
            return;
        }
        if (state.roll(settings.malformedRate())) {
            state.injected.incrementAndGet();
            send(exchange, 200, MALFORMED_BODY, Map.of());
            return;
        }
        delegate.handle(exchange);
    }

    private void error(HttpExchange exchange, int status, long retryAfterSeconds) throws IOException {
        VendorErrors.Answer answer = VendorErrors.answer(vendor, status, retryAfterSeconds);
        send(exchange, status, answer.body(), answer.headers());
    }

    private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            // read the request so the connection can be reused for the next one
            in.transferTo(OutputStream.nullOutputStream());
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
