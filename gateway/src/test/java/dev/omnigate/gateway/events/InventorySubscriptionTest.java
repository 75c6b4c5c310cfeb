package dev.omnigate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.support.GraphQlWsSession;
import dev.omnigate.gateway.support.TestClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * {@code inventoryChanged} over graphql-transport-ws (the JDK WebSocket client speaking the protocol) and SSE:
 * live changes, resuming with the last cursor after a disconnect (exactly the missed ones, in order, then live ones),
 * an expired cursor and an unparseable one.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=false",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.events.retention=200",
        // an SSE stream the client stopped reading stays open on the server until it writes again; at the end of the
        // run a graceful shutdown would wait 30 s for it (and the surefire fork be killed)
        "server.shutdown=immediate"
})
final class InventorySubscriptionTest {

    private static final AtomicInteger EVENTS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    /** An inventory change of SKU-1 at location L1 of account "shop", as a connector would report it. */
    private static ChangeEvent change(String sku, long available) {
        int n = EVENTS.incrementAndGet();
        SourceRef level = new SourceRef(Channel.SHOPIFY, "shopify", "shop", "item-" + sku + ":L1");
        return new ChangeEvent("test:" + n, EntityType.INVENTORY_LEVEL, level, ChangeKind.UPDATED, Instant.parse("2026-11-27T12:00:00Z"),
                "inventory_levels/update", sku, new InventoryLevel(level, sku, "L1", available, 0, available, 0, null));
    }

    private List<LoggedEvent> append(String sku, long... available) {
        List<ChangeEvent> events = new ArrayList<>();
        for (long value : available) {
            events.add(change(sku, value));
        }
        return log.append("shopify", events);
    }

    private GraphQlWsSession session(String query) throws Exception {
        return new GraphQlWsSession(port, query);
    }

    /** The cursor of the next {@code next} message. */
    private static String nextCursor(GraphQlWsSession session) throws InterruptedException {
        String message = session.next();
        assertThat(JsonPath.<String>read(message, "$.type")).as(message).isEqualTo("next");
        return JsonPath.read(message, "$.payload.data.inventoryChanged.cursor");
    }

    private static String subscription(String sku, String after) {
        return "subscription { inventoryChanged(skus: [\"" + sku + "\"]" + (after == null ? "" : ", after: \"" + after + "\"")
                + ") { cursor sku available onHand delta locationId source { account nativeId } topic occurredAt } }";
    }

    @Test
    void aLiveSubscriberGetsEachChangeOfItsSkusWithTheDelta() throws Exception {
        try (GraphQlWsSession session = session(subscription("LIVE-1", null))) {
            awaitSubscribed(session, "LIVE-1");
            append("OTHER-SKU", 3);
            append("LIVE-1", 7);

            String message = session.next();
            assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.sku")).isEqualTo("LIVE-1");
            assertThat(JsonPath.<Integer>read(message, "$.payload.data.inventoryChanged.available")).isEqualTo(7);
            assertThat(JsonPath.<Integer>read(message, "$.payload.data.inventoryChanged.delta")).isEqualTo(-3);
            assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.locationId")).isNotBlank();
        }
    }

    /** Appends a first change of the SKU until the live subscriber sees one: the subscription is then in place. */
    private void awaitSubscribed(GraphQlWsSession session, String sku) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            append(sku, 10);
            String message = session.messages.poll(200, TimeUnit.MILLISECONDS);
            if (message != null) {
                assertThat(JsonPath.<String>read(message, "$.type")).as(message).isEqualTo("next");
                session.messages.clear();
                return;
            }
        }
        throw new AssertionError("the subscription never delivered");
    }

    @Test
    void aSubscriberThatReconnectsWithItsLastCursorGetsExactlyTheMissedChangesThenLiveOnes() throws Exception {
        String lastCursor;
        try (GraphQlWsSession first = session(subscription("RESUME-1", null))) {
            awaitSubscribed(first, "RESUME-1");
            append("RESUME-1", 9);
            lastCursor = nextCursor(first);
        }
        List<LoggedEvent> missed = append("RESUME-1", 8, 7, 6, 5, 4);

        try (GraphQlWsSession second = session(subscription("RESUME-1", lastCursor))) {
            List<String> received = new ArrayList<>();
            for (int i = 0; i < missed.size(); i++) {
                received.add(nextCursor(second));
            }
            assertThat(received).containsExactlyElementsOf(missed.stream().map(LoggedEvent::cursor).toList());
            List<LoggedEvent> live = append("RESUME-1", 3);
            assertThat(nextCursor(second)).isEqualTo(live.getFirst().cursor());
            assertThat(second.messages.poll(300, TimeUnit.MILLISECONDS)).as("nothing twice at the seam").isNull();
        }
    }

    @Test
    void aCursorOlderThanTheRetentionFailsWithCursorExpired() throws Exception {
        String oldest = append("OLD-1", 1).getFirst().cursor();
        for (int i = 0; i < 250; i++) {
            append("FILLER", i); // retention is 200
        }
        try (GraphQlWsSession session = session(subscription("OLD-1", oldest))) {
            assertThat(GraphQlWsSession.errorCodes(session.next())).containsExactly("CURSOR_EXPIRED");
        }
    }

    @Test
    void anUnparseableCursorIsABadRequest() throws Exception {
        try (GraphQlWsSession session = session(subscription("ANY", "yesterday"))) {
            assertThat(GraphQlWsSession.errorCodes(session.next())).containsExactly("BAD_REQUEST");
        }
    }

    @Test
    void overServerSentEventsAResumedSubscriptionReplaysTheMissedChanges() throws Exception {
        String before = EventCursor.encode(log.latestSequence());
        List<LoggedEvent> missed = append("SSE-1", 5, 4);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + GraphQlWsSession.quote(subscription("SSE-1", before)) + "}"))
                .timeout(Duration.ofSeconds(20)).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> cursors = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while (cursors.size() < missed.size() && (line = lines.readLine()) != null) {
                if (line.startsWith("data:") && line.contains("inventoryChanged")) {
                    cursors.add(JsonPath.read(line.substring(5).trim(), "$.data.inventoryChanged.cursor"));
                }
            }
        }
        assertThat(cursors).containsExactlyElementsOf(missed.stream().map(LoggedEvent::cursor).toList());
    }
}
