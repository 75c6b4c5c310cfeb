package dev.omnigate.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.testkit.fake.FakeOperation;
import dev.omnigate.gateway.events.EventCursor;
import dev.omnigate.gateway.events.EventLog;
import dev.omnigate.gateway.events.LoggedEvent;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.GraphQlWsSession;
import dev.omnigate.gateway.support.TestClients;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Row-level partner limits: the test partner may see SKUs {@code MUG-*} in warehouses only. Everything else is absent
 * or null, never an error that reveals it exists, over {@code products}, {@code product}, {@code locations},
 * {@code node} and {@code inventoryChanged} on WebSocket and SSE.
 */
@GatewayTest
final class PartnerFilterTest {

    private static final AtomicInteger EVENTS = new AtomicInteger();

    @Autowired
    DgsQueryExecutor executor;

    @Autowired
    EventLog log;

    @LocalServerPort
    int port;

    GraphQlClient partner;

    @BeforeEach
    void setUp() {
        partner = new GraphQlClient(executor).as(TestClients.as(TestClients.PARTNER));
        FakeWorld.reset();
    }

    @Test
    void productsShowOnlyThePartnersSkusAndOnlyItsWarehousesWithSumsOverThem() {
        Answer answer = partner.execute("{ products(skus: [\"TEE-1\", \"MUG-1\"]) { sku availability { onHand committed available "
                + "byLocation { location { name kind } onHand } } } }");

        assertThat(answer.errors()).isEmpty();
        List<Map<String, Object>> products = answer.read("$.data.products");
        assertThat(products.get(0)).as("TEE-1 is not the partner's: unknown to it").isNull();
        assertThat(answer.<List<String>>read("$.data.products[1].availability.byLocation[*].location.kind")).containsOnly("WAREHOUSE");
        assertThat(answer.<List<String>>read("$.data.products[1].availability.byLocation[*].location.name"))
                .containsExactlyInAnyOrder("US Warehouse", "Berlin Warehouse");
        // loc-wh 10/2 and loc-de 7/0; the SF store's 5/1 is not the partner's
        assertThat(answer.<Integer>read("$.data.products[1].availability.onHand")).isEqualTo(17);
        assertThat(answer.<Integer>read("$.data.products[1].availability.committed")).isEqualTo(2);
        assertThat(answer.<Integer>read("$.data.products[1].availability.available")).isEqualTo(15);
    }

    @Test
    void aSkuOutsideThePartnersPatternsIsNullWithoutAnErrorOrAnUpstreamCall() {
        Answer answer = partner.execute("{ product(sku: \"TEE-1\") { sku prices { price { amount } } } }");

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<Map<String, Object>>read("$.data")).containsEntry("product", null);
        assertThat(FakeWorld.totalReaderCalls()).isZero();
    }

    @Test
    void aClientWithoutLimitsSeesEverySkuAndLocation() {
        Answer answer = new GraphQlClient(executor).as(TestClients.as(TestClients.CATALOG))
                .execute("{ products(skus: [\"TEE-1\", \"MUG-1\"]) { sku availability { onHand } } }");

        assertThat(answer.<List<String>>read("$.data.products[*].sku")).containsExactly("TEE-1", "MUG-1");
        assertThat(answer.<Integer>read("$.data.products[1].availability.onHand")).isEqualTo(22);
    }

    @Test
    void locationsAndLocationNodesShowOnlyThePartnersLocations() {
        Answer answer = partner.execute("{ locations { name kind } }");
        String store = GlobalId.encode(GlobalIdType.Location, new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "loc-sf"));
        String warehouse = GlobalId.encode(GlobalIdType.Location, new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "loc-wh"));
        Answer nodes = partner.execute("{ store: node(id: \"" + store + "\") { id } warehouse: node(id: \"" + warehouse + "\") { id } }");

        assertThat(answer.<List<String>>read("$.data.locations[*].kind")).isNotEmpty().containsOnly("WAREHOUSE");
        assertThat(nodes.errors()).isEmpty();
        assertThat(nodes.<Map<String, Object>>read("$.data")).containsEntry("store", null);
        assertThat(nodes.<String>read("$.data.warehouse.id")).isEqualTo(warehouse);
    }

    /** A stock change of a fake-shop level, as a connector reports it. */
    private List<LoggedEvent> change(String sku, String location, long available) {
        int n = EVENTS.incrementAndGet();
        String account = location.equals("loc-de") ? "shop-eu" : "shop-us";
        SourceRef level = new SourceRef(Channel.SHOPIFY, "fake-shop", account, "level-" + sku + "-" + location);
        ChangeEvent event = new ChangeEvent("partner-test:" + n, EntityType.INVENTORY_LEVEL, level, ChangeKind.UPDATED,
                Instant.parse("2026-11-27T12:00:00Z"), "inventory_levels/update", sku,
                new InventoryLevel(level, sku, location, available, 0, available, 0, null));
        return log.append("fake-shop", List.of(event));
    }

    private static final String SUBSCRIPTION = "subscription { inventoryChanged { sku locationId available cursor } }";

    @Test
    void overTheWebSocketAPartnerReceivesOnlyItsSkusAtItsLocations() throws Exception {
        try (GraphQlWsSession session = new GraphQlWsSession(port, SUBSCRIPTION, TestClients.PARTNER_KEY)) {
            // the subscription is in place once a visible change arrives
            String first = null;
            for (int attempt = 0; attempt < 50 && first == null; attempt++) {
                change("MUG-1", "loc-wh", 100 + attempt);
                first = session.messages.poll(200, TimeUnit.MILLISECONDS);
            }
            assertThat(first).as("the partner's change").isNotNull();
            session.messages.clear();

            change("MUG-1", "loc-sf", 1); // a store: not the partner's
            change("TEE-1", "loc-wh", 2); // not the partner's SKU
            change("MUG-1", "loc-wh", 3);

            String message = session.next();
            assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.sku")).isEqualTo("MUG-1");
            assertThat(JsonPath.<Integer>read(message, "$.payload.data.inventoryChanged.available")).isEqualTo(3);
            assertThat(session.messages.poll(300, TimeUnit.MILLISECONDS)).as("nothing else").isNull();
        }
    }

    @Test
    void overServerSentEventsAPartnersReplayHoldsOnlyItsChanges() throws Exception {
        String before = EventCursor.encode(log.latestSequence());
        change("TEE-1", "loc-wh", 4);
        change("MUG-1", "loc-sf", 5);
        List<LoggedEvent> visible = change("MUG-1", "loc-de", 6);
        change("MUG-1", "loc-sf", 7);
        List<LoggedEvent> last = change("MUG-1", "loc-wh", 8);
        String query = "subscription { inventoryChanged(after: \"" + before + "\") { sku available cursor } }";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Authorization", TestClients.bearer(TestClients.PARTNER_KEY))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + GraphQlWsSession.quote(query) + "}"))
                .timeout(Duration.ofSeconds(20)).build();

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> cursors = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while (cursors.size() < 2 && (line = lines.readLine()) != null) {
                if (line.startsWith("data:") && line.contains("inventoryChanged")) {
                    cursors.add(JsonPath.read(line.substring(5).trim(), "$.data.inventoryChanged.cursor"));
                }
            }
        }
        assertThat(cursors).containsExactly(visible.getFirst().cursor(), last.getFirst().cursor());
    }

    @Test
    void theSubscriptionIsForbiddenOverSseWithoutTheSubscribeScope() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Authorization", TestClients.bearer(TestClients.CATALOG_KEY))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + GraphQlWsSession.quote(SUBSCRIPTION) + "}"))
                .timeout(Duration.ofSeconds(20)).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("FORBIDDEN").contains("inventory:subscribe").doesNotContain("\"sku\"");
    }

    @Test
    void aPartnersInventoryCallsAskOnlyForItsSkus() {
        partner.execute("{ products(skus: [\"TEE-1\", \"NOPE-1\"]) { sku } }");

        assertThat(FakeWorld.accounts().mapToInt(account -> account.calls(FakeOperation.INVENTORY_BY_SKUS)).sum())
                .as("no SKU of the partner was asked for, so no call").isZero();
    }
}
