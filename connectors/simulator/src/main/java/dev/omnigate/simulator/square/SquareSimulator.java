package dev.omnigate.simulator.square;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import dev.omnigate.simulator.faults.FaultControls;
import dev.omnigate.simulator.faults.FaultingHandler;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.SimulatedAccount;
import dev.omnigate.simulator.VendorSimulator;
import dev.omnigate.simulator.world.DemoWorld;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Square's REST API for the demo world's point of sale ({@link SquareStore}), served over HTTP on a loopback address
 * with the JDK's HTTP server on virtual threads, so the real {@code square} connector talks to it unchanged
 * ({@code Authorization: Bearer}, {@code Square-Version}, cursor paging, Square's error envelope). Exposes what tests
 * need: request counters, queued faults and signed webhook notifications.
 */
public final class SquareSimulator implements VendorSimulator {

    /** The Square API version the sandbox tells the connector to send. */
    public static final String SQUARE_VERSION = "2025-08-20";

    private final HttpServer server;
    private final ExecutorService executor;
    private final SquareStore store;
    private final SquareEndpoint endpoint;
    private final ConcurrentLinkedQueue<SquareFault> faults;
    private final URI baseUrl;
    private final String accessToken;
    private final String signatureKey;

    private SquareSimulator(HttpServer server, ExecutorService executor, SquareStore store, SquareEndpoint endpoint,
            ConcurrentLinkedQueue<SquareFault> faults, String accessToken, String signatureKey) {
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.endpoint = endpoint;
        this.faults = faults;
        this.accessToken = accessToken;
        this.signatureKey = signatureKey;
        InetSocketAddress address = server.getAddress();
        String host = address.getHostString().contains(":") ? "[" + address.getHostString() + "]" : address.getHostString();
        this.baseUrl = URI.create("http://" + host + ":" + address.getPort());
    }

    /** Starts the simulator the sandbox runs: the world's POS on {@code options}' host and Square port, fresh credentials. */
    public static SquareSimulator start(DemoWorld world, SandboxOptions options, SecureRandom random, FaultControls faults) {
        return start(new SquareStore(world), options.host(), options.ports().getOrDefault(Sandbox.SQUARE, 0),
                "EAAA" + Sandbox.hex(random, 24), Sandbox.hex(random, 16), faults);
    }

    /**
     * Starts serving.
     *
     * @param accessToken the only token {@code Authorization: Bearer} accepts
     * @param signatureKey the webhook subscription's signature key notifications are signed with
     */
    public static SquareSimulator start(SquareStore store, String host, int port, String accessToken, String signatureKey) {
        return start(store, host, port, accessToken, signatureKey, FaultControls.none());
    }

    /** As the overload without {@code faults}, under the {@code square} faults of {@code faults}. */
    public static SquareSimulator start(SquareStore store, String host, int port, String accessToken, String signatureKey,
            FaultControls faultControls) {
        requireNonNull(store, "store is null");
        requireNonNull(accessToken, "accessToken is null");
        requireNonNull(signatureKey, "signatureKey is null");
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        ConcurrentLinkedQueue<SquareFault> faults = new ConcurrentLinkedQueue<>();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.setExecutor(executor);
            SquareEndpoint endpoint = new SquareEndpoint(store, accessToken, faults);
            server.createContext("/", FaultingHandler.wrap(Sandbox.SQUARE, faultControls, endpoint));
            server.start();
            return new SquareSimulator(server, executor, store, endpoint, faults, accessToken, signatureKey);
        } catch (IOException e) {
            executor.close();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " for the Square simulator", e);
        }
    }

    /** The demo POS as an account of the {@code square} connector, with the credentials this start accepts. */
    @Override
    public SimulatedAccount account() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("base-url", baseUrl.toString());
        config.put("square-version", SQUARE_VERSION);
        config.put("access-token", accessToken);
        config.put("webhook-signature-key", signatureKey);
        return new SimulatedAccount(Sandbox.SQUARE, Sandbox.SQUARE_ACCOUNT, baseUrl, config);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public SquareStore store() {
        return store;
    }

    /** HTTP requests received (any outcome, faults included). */
    public long requestCount() {
        return endpoint.total();
    }

    /** Requests per Square operation id (e.g. {@code SearchOrders}) that reached routing. */
    public long requestCount(String operationId) {
        return endpoint.count(operationId);
    }

    public Map<String, Long> requestCounts() {
        return endpoint.counts();
    }

    public void resetCounters() {
        endpoint.reset();
    }

    /** Makes the next {@code count} requests suffer {@code fault}. */
    public void failNext(int count, SquareFault fault) {
        requireNonNull(fault, "fault is null");
        for (int i = 0; i < count; i++) {
            faults.add(fault);
        }
    }

    /**
     * A notification as Square would POST it to {@code notificationUrl}: the {@code x-square-hmacsha256-signature}
     * header (base64 HMAC-SHA256 of the URL followed by the body, keyed with the subscription's signature key).
     */
    public Map<String, String> signatureHeaders(String notificationUrl, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signatureKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(notificationUrl.getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return Map.of("x-square-hmacsha256-signature", Base64.getEncoder().encodeToString(mac.doFinal()),
                    "square-environment", "Sandbox", "content-type", "application/json");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** An {@code order.updated} event body for a POS order ({@code OrderUpdatedEvent} example shape). */
    public byte[] orderUpdatedEvent(String orderId, String eventId) {
        var order = store.orders().stream().filter(o -> o.path("id").asString().equals(orderId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no POS order " + orderId));
        String json = """
                {"merchant_id": "%s", "type": "order.updated", "event_id": "%s", "created_at": "%s",
                 "data": {"type": "order_updated", "id": "%s", "object": {"order_updated": {"order_id": "%s",
                   "location_id": "%s", "state": "%s", "version": 3, "created_at": "%s", "updated_at": "%s"}}}}
                """.formatted(store.merchantId(), eventId, order.path("updated_at").asString(), orderId, orderId,
                order.path("location_id").asString(), order.path("state").asString(), order.path("created_at").asString(),
                order.path("updated_at").asString());
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
