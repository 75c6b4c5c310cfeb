package dev.omnigate.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.events.EventCursor;
import dev.omnigate.gateway.events.EventLog;
import dev.omnigate.gateway.events.LoggedEvent;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.NodeScripts;
import dev.omnigate.gateway.support.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The gateway against the reference clients of the GraphQL transport specs, run by Node.js on its real loopback port
 * (the scripts are in {@code src/test/node}, see {@link NodeScripts}):
 * <ul>
 *   <li>graphql-http's server audit of GraphQL over HTTP: no MUST ({@code error}) or SHOULD ({@code warn}) audit may
 *       fail; MAY audits that fail ({@code notice}) are printed;</li>
 *   <li>graphql-ws (graphql-transport-ws over the {@code ws} package) and graphql-sse (distinct connections mode): a
 *       query, a subscription that receives a replayed change and then a live one, and a client without a credential
 *       refused (close 4401 on the WebSocket, 401 over SSE).</li>
 * </ul>
 * Node.js and npm are needed; without them these tests fail, they never skip.
 */
@GatewayTest
final class ProtocolConformanceTest {

    /** What stock DGS 11.1 passed (shared/design/stack.md §4: 54 ok, 7 notices): the gateway does at least as well. */
    private static final int STOCK_DGS_OK = 54;
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final AtomicInteger EVENTS = new AtomicInteger();
    private static final String QUERY = "{ products(skus: [\"MUG-1\"]) { sku } }";
    private static final String SUBSCRIPTION = "subscription Changes($skus: [String!], $after: String) "
            + "{ inventoryChanged(skus: $skus, after: $after) { cursor sku available } }";

    static NodeScripts node;

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    @BeforeAll
    static void installClients() {
        node = NodeScripts.install();
    }

    @BeforeEach
    void reset() {
        FakeWorld.reset();
    }

    @Test
    void theGraphQlOverHttpAuditFindsNoMustOrShouldFailure() throws Exception {
        try (NodeScripts.Run audit = node.start("audit.mjs", Map.of("url", "http://127.0.0.1:" + port + "/graphql", "key",
                TestClients.ALL_KEY))) {
            String summary = audit.awaitStep("summary", Duration.ofSeconds(60));
            audit.awaitSuccess(STEP);

            Map<String, List<String>> byStatus = new LinkedHashMap<>();
            for (String line : audit.steps("audit")) {
                Map<String, Object> result = JsonPath.read(line, "$"); // an ok result has no reason
                byStatus.computeIfAbsent((String) result.get("status"), status -> new ArrayList<>())
                        .add(result.get("id") + " " + result.get("name") + " -- " + result.get("reason"));
            }
            Map<String, Integer> counts = JsonPath.read(summary, "$.counts");
            System.out.println("graphql-http server audit: " + counts + byStatus.getOrDefault("notice", List.of()).stream()
                    .map(notice -> "\n  notice " + notice).collect(Collectors.joining()));
            assertThat(byStatus.getOrDefault("error", List.of())).as("MUST audits that failed\n" + audit.output()).isEmpty();
            assertThat(byStatus.getOrDefault("warn", List.of())).as("SHOULD audits that failed\n" + audit.output()).isEmpty();
            assertThat(counts.get("ok")).as("audits passed, at least stock DGS's\n" + audit.output()).isGreaterThanOrEqualTo(STOCK_DGS_OK);
        }
    }

    @Test
    void theGraphQlWsClientQueriesSubscribesAndIsRefusedWithoutACredential() throws Exception {
        String sku = "CONFORMANCE-WS";
        String before = EventCursor.encode(log.latestSequence());
        LoggedEvent missed = change(sku, 5);

        try (NodeScripts.Run client = node.start("graphql-ws.mjs", settings("ws://127.0.0.1:" + port + "/graphql", sku, before))) {
            assertQueryAnswered(client);
            assertChangesReceived(client, sku, missed);

            String anonymous = client.awaitStep("anonymous", STEP);
            assertThat(JsonPath.<Integer>read(anonymous, "$.code")).as(client.output()).isEqualTo(4401);
            assertThat(JsonPath.<String>read(anonymous, "$.reason")).as(client.output()).contains("connection_init");
            client.awaitSuccess(STEP);
        }
    }

    @Test
    void theGraphQlSseClientQueriesSubscribesAndIsRefusedWithoutACredential() throws Exception {
        String sku = "CONFORMANCE-SSE";
        String before = EventCursor.encode(log.latestSequence());
        LoggedEvent missed = change(sku, 5);

        try (NodeScripts.Run client = node.start("graphql-sse.mjs", settings("http://127.0.0.1:" + port + "/graphql", sku, before))) {
            assertQueryAnswered(client);
            assertChangesReceived(client, sku, missed);

            String anonymous = client.awaitStep("anonymous", STEP);
            assertThat(JsonPath.<Integer>read(anonymous, "$.status")).as(client.output()).isEqualTo(401);
            assertThat(JsonPath.<String>read(anonymous, "$.body")).as(client.output()).contains("UNAUTHENTICATED");
            client.awaitSuccess(STEP);
        }
    }

    private static Map<String, Object> settings(String url, String sku, String after) {
        return Map.of("url", url, "key", TestClients.ALL_KEY, "query", QUERY, "subscription", SUBSCRIPTION,
                "variables", Map.of("skus", List.of(sku), "after", after));
    }

    /** The query's one result, with its data and no error. */
    private static void assertQueryAnswered(NodeScripts.Run client) throws InterruptedException {
        String query = client.awaitStep("query", STEP);
        assertThat(JsonPath.<List<Object>>read(query, "$.results")).as(client.output()).hasSize(1);
        assertThat(JsonPath.<Map<String, Object>>read(query, "$.results[0]")).as(client.output()).doesNotContainKey("errors");
        assertThat(JsonPath.<List<String>>read(query, "$.results[0].data.products[*].sku")).as(client.output()).containsExactly("MUG-1");
    }

    /**
     * The subscription (resuming after the cursor before {@code missed}) first gets {@code missed} from the log; once the
     * client reported it, the subscription is in place, so a change appended now must reach it live.
     */
    private void assertChangesReceived(NodeScripts.Run client, String sku, LoggedEvent missed) throws InterruptedException {
        String replayed = client.awaitStep("replayed", STEP);
        assertThat(JsonPath.<String>read(replayed, "$.result.data.inventoryChanged.cursor")).as(client.output()).isEqualTo(missed.cursor());
        assertThat(JsonPath.<Integer>read(replayed, "$.result.data.inventoryChanged.available")).as(client.output()).isEqualTo(5);

        LoggedEvent live = change(sku, 4);
        String received = client.awaitStep("live", STEP);
        assertThat(JsonPath.<String>read(received, "$.result.data.inventoryChanged.cursor")).as(client.output()).isEqualTo(live.cursor());
        assertThat(JsonPath.<String>read(received, "$.result.data.inventoryChanged.sku")).as(client.output()).isEqualTo(sku);
        assertThat(JsonPath.<Integer>read(received, "$.result.data.inventoryChanged.available")).as(client.output()).isEqualTo(4);
    }

    /** A stock change of a fake-shop level, as a connector reports it. */
    private LoggedEvent change(String sku, long available) {
        int n = EVENTS.incrementAndGet();
        SourceRef level = new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "level-" + sku + "-loc-wh");
        ChangeEvent event = new ChangeEvent("conformance-test:" + n, EntityType.INVENTORY_LEVEL, level, ChangeKind.UPDATED,
                Instant.parse("2026-11-27T12:00:00Z"), "inventory_levels/update", sku,
                new InventoryLevel(level, sku, "loc-wh", available, 0, available, 0, null));
        List<LoggedEvent> appended = log.append("fake-shop", List.of(event));
        assertThat(appended).hasSize(1);
        return appended.getFirst();
    }
}
