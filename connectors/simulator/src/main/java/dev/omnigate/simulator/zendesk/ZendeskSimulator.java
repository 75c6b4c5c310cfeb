package dev.omnigate.simulator.zendesk;

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
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zendesk Support for the demo brand ({@link ZendeskDesk}: the world's helpdesk users with every email identity, and
 * its tickets), served over HTTP on loopback with the JDK's HTTP server on virtual threads, in Zendesk's protocol:
 * Basic {@code {email}/token:{api_token}} (or Bearer) auth, offset and cursor paging, {@code X-Rate-Limit} headers and
 * 429 + {@code Retry-After} (see {@link ZendeskEndpoint}). Credentials and the webhook signing secret are made up per
 * start. Exposes {@link #counters()}, {@link #rateLimit()} and signed {@link #webhook} deliveries for tests.
 */
public final class ZendeskSimulator implements VendorSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(ZendeskSimulator.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The demo account's subdomain. */
    public static final String SUBDOMAIN = "omnigate-demo";
    /** The agent the sandbox's API token belongs to. */
    public static final String AGENT_EMAIL = "sandbox-agent@omnigate-demo.example";
    /** Zendesk Enterprise's documented budget [3rd]: requests per minute. */
    public static final long REQUESTS_PER_MINUTE = 700;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ZendeskDesk desk;
    private final URI baseUrl;
    private final String apiToken;
    private final String oauthToken;
    private final String signingSecret;
    private final ZendeskCounters counters;
    private final ZendeskRateLimit rateLimit;

    private ZendeskSimulator(HttpServer server, ExecutorService executor, ZendeskDesk desk, String apiToken, String oauthToken,
            String signingSecret, ZendeskCounters counters, ZendeskRateLimit rateLimit) {
        this.server = server;
        this.executor = executor;
        this.desk = desk;
        this.apiToken = apiToken;
        this.oauthToken = oauthToken;
        this.signingSecret = signingSecret;
        this.counters = counters;
        this.rateLimit = rateLimit;
        InetSocketAddress address = server.getAddress();
        String host = address.getHostString().contains(":") ? "[" + address.getHostString() + "]" : address.getHostString();
        this.baseUrl = URI.create("http://" + host + ":" + address.getPort());
    }

    /** Starts the simulator for the sandbox: the world's helpdesk, fresh credentials, the port configured for {@code zendesk}. */
    public static ZendeskSimulator start(DemoWorld world, SandboxOptions options, SecureRandom random, FaultControls faults) {
        ZendeskSimulator simulator = start(new ZendeskDesk(world, SUBDOMAIN), options.host(),
                options.ports().getOrDefault(Sandbox.ZENDESK, 0), Sandbox.hex(random, 20), Sandbox.hex(random, 24),
                Sandbox.hex(random, 32), options.vendorRateLimits() ? REQUESTS_PER_MINUTE : 1_000_000_000L, Clock.systemUTC(), faults);
        LOG.info("Zendesk simulator for account {} listening on {} ({} users, {} tickets)", Sandbox.ZENDESK_ACCOUNT,
                simulator.baseUrl(), simulator.desk.users().size(), simulator.desk.tickets().size());
        return simulator;
    }

    /**
     * Starts serving.
     *
     * @param apiToken the API token Basic auth accepts (with {@link #AGENT_EMAIL})
     * @param oauthToken the OAuth token Bearer auth accepts
     * @param signingSecret the key webhooks are signed with
     * @param requestsPerMinute the rate-limit budget
     */
    public static ZendeskSimulator start(ZendeskDesk desk, String host, int port, String apiToken, String oauthToken,
            String signingSecret, long requestsPerMinute, Clock clock) {
        return start(desk, host, port, apiToken, oauthToken, signingSecret, requestsPerMinute, clock, FaultControls.none());
    }

    /** As the overload without {@code faults}, under the {@code zendesk} faults of {@code faults}. */
    public static ZendeskSimulator start(ZendeskDesk desk, String host, int port, String apiToken, String oauthToken,
            String signingSecret, long requestsPerMinute, Clock clock, FaultControls faults) {
        requireNonNull(desk, "desk is null");
        requireNonNull(host, "host is null");
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.setExecutor(executor);
            ZendeskCounters counters = new ZendeskCounters();
            ZendeskRateLimit rateLimit = new ZendeskRateLimit(requestsPerMinute, clock);
            server.createContext("/", FaultingHandler.wrap(Sandbox.ZENDESK, faults,
                    new ZendeskEndpoint(desk, AGENT_EMAIL, apiToken, oauthToken, rateLimit, counters)));
            ZendeskSimulator simulator = new ZendeskSimulator(server, executor, desk, apiToken, oauthToken, signingSecret,
                    counters, rateLimit);
            server.start();
            return simulator;
        } catch (IOException e) {
            executor.close();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " for the Zendesk simulator", e);
        }
    }

    /** The demo desk as an account of the {@code zendesk} connector, with the credentials this start accepts. */
    @Override
    public SimulatedAccount account() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("subdomain", SUBDOMAIN);
        config.put("base-url", baseUrl.toString());
        config.put("email", AGENT_EMAIL);
        config.put("api-token", apiToken);
        config.put("webhook-signing-secret", signingSecret);
        return new SimulatedAccount(Sandbox.ZENDESK, Sandbox.ZENDESK_ACCOUNT, baseUrl, config);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public ZendeskDesk desk() {
        return desk;
    }

    public ZendeskCounters counters() {
        return counters;
    }

    public ZendeskRateLimit rateLimit() {
        return rateLimit;
    }

    /** The OAuth token Bearer auth accepts (the sandbox account uses the API token). */
    public String oauthToken() {
        return oauthToken;
    }

    /**
     * A signed delivery of a Zendesk ticket event ("Webhook event types" payload schema: {@code type}, {@code id},
     * {@code time}, {@code subject}, {@code detail}, {@code event}), signed at {@code signedAt}:
     * {@code base64(HMAC-SHA256(signing secret, timestamp + body))}.
     *
     * @param eventType e.g. {@code zen:event-type:ticket.status_changed}
     */
    public ZendeskWebhook webhook(String ticketId, String eventType, Instant signedAt) {
        ZendeskDesk.DeskTicket ticket = desk.tickets().get(ticketId);
        if (ticket == null) {
            throw new IllegalArgumentException("no ticket " + ticketId + " on the demo desk");
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.put("type", eventType);
        body.put("account_id", 7_000_001);
        body.put("id", UUID.nameUUIDFromBytes((eventType + ":" + ticketId + ":" + signedAt).getBytes(StandardCharsets.UTF_8)).toString());
        String time = signedAt.truncatedTo(ChronoUnit.SECONDS).toString();
        body.put("time", time);
        body.put("zendesk_event_version", "2022-11-06");
        body.put("subject", "zen:ticket:" + ticketId);
        ObjectNode detail = body.putObject("detail");
        detail.put("id", ticketId);
        detail.put("requester_id", ticket.requesterId());
        detail.put("status", ticket.json().path("status").asString().toUpperCase(java.util.Locale.ROOT));
        detail.put("external_id", ticket.json().path("external_id").asString(""));
        detail.put("created_at", ticket.json().path("created_at").asString());
        detail.put("updated_at", time);
        body.putObject("event").put("current", detail.path("status").asString());
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Zendesk Webhook");
        headers.put("X-Zendesk-Account-Id", "7000001");
        headers.put("X-Zendesk-Webhook-Id", "01JBSANDBOXWEBHOOK000000000");
        headers.put("X-Zendesk-Webhook-Invocation-Id", Long.toString(Math.abs((long) body.path("id").asString().hashCode())));
        headers.put("X-Zendesk-Webhook-Signature-Timestamp", time);
        headers.put("X-Zendesk-Webhook-Signature", sign(time, bytes));
        return new ZendeskWebhook(eventType, headers, bytes);
    }

    private String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Stops listening; idempotent. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
