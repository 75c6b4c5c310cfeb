package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The abuses found by trying the sandbox as a hostile client, each refused before any upstream request (counted by the
 * simulators themselves) or bounded, and a normal client served in full while an abusive one runs next to it.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=10s",
        "omnigate.events.polling.enabled=false" // the simulators' counters then count only what requests cause
})
final class AbuseTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AVA = "customer360(email: \"ava.chen@example.com\") { displayName orders(first: 20) { nodes { name } } "
            + "tickets(first: 5) { nodes { subject } } }";

    @LocalServerPort
    int port;

    @Autowired
    SandboxStoreConfigSource sandbox;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> query(String key, String query) throws Exception {
        return post(key, JSON.writeValueAsString(Map.of("query", query)));
    }

    private long upstreamRequests() {
        return sandbox.sandbox().faults().requests().values().stream().mapToLong(Long::longValue).sum();
    }

    private static String aliases(int count, String field) {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < count; i++) {
            query.append("a").append(i).append(": ").append(field).append(' ');
        }
        return query.append('}').toString();
    }

    /** Refused as a whole, with one of the codes, and not one request reached a simulator. */
    private void assertRefusedWithoutUpstreamRequests(String query, String... codes) throws Exception {
        long before = upstreamRequests();

        HttpResponse<String> response = query(SandboxClients.ADMIN_KEY, query);

        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].extensions.code")).as(response.body()).singleElement()
                .isIn((Object[]) codes);
        assertThat(response.body()).doesNotContain("\"data\":{");
        assertThat(upstreamRequests() - before).as("upstream requests").isZero();
    }

    @Test
    void aThousandAliasesOfCustomer360AreRefusedBeforeAnyUpstreamRequest() throws Exception {
        // the parser stops first (10,000 tokens); with fewer tokens per alias the alias limit would
        assertRefusedWithoutUpstreamRequests(aliases(1_000, AVA), "MAX_TOKENS_EXCEEDED");
        HttpResponse<String> refused = query(SandboxClients.ADMIN_KEY, aliases(1_000, AVA));
        assertThat(JsonPath.<String>read(refused.body(), "$.errors[0].message")).contains("at most 10000", "omnigate.limits.document.max-tokens");
        assertRefusedWithoutUpstreamRequests(aliases(31, "channels { account }"), "MAX_ALIASES_EXCEEDED");
    }

    @Test
    void aHundredAliasesOfOrdersAndTwoHundredOfAHundredSkusAreRefused() throws Exception {
        assertRefusedWithoutUpstreamRequests(aliases(100, "orders(first: 100) { nodes { id } }"), "MAX_ALIASES_EXCEEDED");
        String hundredSkus = "[" + String.join(",", Collections.nCopies(100, "\"OO-C28-BLA\"")) + "]";
        // 200 x 100 SKUs is over the body limit already (256 KB); 25 x 100 is within every document limit, but not the cost
        assertRefusedWithoutUpstreamRequests(aliases(200, "products(skus: " + hundredSkus + ") { sku }"), "BAD_REQUEST",
                "MAX_TOKENS_EXCEEDED", "MAX_ALIASES_EXCEEDED");
        // 20 x 100 SKUs is within the document limits: served, and the vendor requests it makes stay within its estimate
        long before = upstreamRequests();
        HttpResponse<String> served = query(SandboxClients.ADMIN_KEY, aliases(20, "products(skus: " + hundredSkus + ") { sku availability { available } }"));
        long made = upstreamRequests() - before;
        assertThat(made).as("upstream requests").isPositive()
                .isLessThanOrEqualTo(JsonPath.<Number>read(served.body(), "$.extensions.cost.requestedQueryCost").longValue());
        // a connector call is one vendor request, bar an access-token exchange (Amazon's LWA) now and then
        assertThat(JsonPath.<Number>read(served.body(), "$.extensions.cost.actualQueryCost").longValue()).isBetween(made - 2, made);
    }

    @Test
    void withinTheDocumentLimitsTheCostEstimateRefusesWhatWouldDrainTheVendors() throws Exception {
        // 20 aliases is within every document limit; 20 full order pages with their products is not within the cost
        String twentyOrderPages = aliases(20, "orders(first: 100) { nodes { name lines { product { title } } } }");
        assertRefusedWithoutUpstreamRequests(twentyOrderPages, "MAX_COST_EXCEEDED");
        HttpResponse<String> refused = query(SandboxClients.ADMIN_KEY, twentyOrderPages);
        assertThat(JsonPath.<String>read(refused.body(), "$.errors[0].message")).contains("points").contains("at most 1000");
        assertThat(JsonPath.<Integer>read(refused.body(), "$.errors[0].extensions.cost.requestedQueryCost")).isGreaterThan(1000);
        assertThat(JsonPath.<Integer>read(refused.body(), "$.errors[0].extensions.max")).isEqualTo(1000);
    }

    private long amazonOrderSearches() {
        return sandbox.sandbox().faults().routes("amazon").entrySet().stream().filter(route -> route.getKey().endsWith("/orders"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    void oneRequestTakesAtMostHalfOfWhatIsLeftOfAnAccountsAllowanceAndTheRestStaysForOthers() throws Exception {
        long before = amazonOrderSearches();

        // 20 Amazon order searches: within every document limit and the cost maximum, but more than the sandbox plan
        // of searchOrders allows in its window (15 per 3 s)
        HttpResponse<String> greedy = query(TestClients.SUPPORT_KEY,
                aliases(20, "orders(first: 5, filter: {channels: [AMAZON]}) { nodes { name } }"));
        long searches = amazonOrderSearches() - before;
        HttpResponse<String> neighbour = query(SandboxClients.SUPPORT_KEY, "{ orders(first: 5, filter: {channels: [AMAZON]}) { nodes { name } } }");

        assertThat(searches).as("Amazon searches of the greedy request").isPositive().isLessThanOrEqualTo(8);
        // the searches beyond its share fail fast (a few may also find the account's 16 concurrent slots taken: UNAVAILABLE)
        assertThat(JsonPath.<List<String>>read(greedy.body(), "$.errors[*].extensions.code")).contains("RATE_LIMITED")
                .isSubsetOf("RATE_LIMITED", "UNAVAILABLE");
        assertThat(JsonPath.<List<String>>read(greedy.body(), "$.errors[*].message")).anySatisfy(message -> assertThat(message)
                .contains("omnigate.limits.cost.vendor-share"));
        assertThat(neighbour.body()).as("the next client still gets Amazon's orders").doesNotContain("\"errors\"");
        assertThat(JsonPath.<List<String>>read(neighbour.body(), "$.data.orders.nodes[*].name")).isNotEmpty();
    }

    @Test
    void fifteenThousandDuplicateFieldsAreRefusedCheaply() throws Exception {
        String fields = String.join(" ", Collections.nCopies(14_900, "account"));
        long before = upstreamRequests();

        HttpResponse<String> response = query(SandboxClients.ADMIN_KEY, "{ channels { " + fields + " } }");

        assertThat(response.body()).contains("BAD_REQUEST").doesNotContain("\"data\":{");
        assertThat(upstreamRequests() - before).isZero();
        String fiveThousand = String.join(" ", Collections.nCopies(5_000, "account"));
        assertThat(query(SandboxClients.ADMIN_KEY, "{ channels { " + fiveThousand + " } }").body()).contains("MAX_FIELDS_EXCEEDED");
    }

    @Test
    void hugeStringsAreNeverForwardedToAVendor() throws Exception {
        String huge = "a".repeat(250_000) + "@example.com";
        long before = upstreamRequests();

        HttpResponse<String> literal = query(SandboxClients.ADMIN_KEY, "{ customer360(email: \"" + huge + "\") { displayName } }");
        HttpResponse<String> variable = post(SandboxClients.ADMIN_KEY, JSON.writeValueAsString(Map.of(
                "query", "query($q: String!) { customers(query: $q) { nodes { id } } }", "variables", Map.of("q", "b".repeat(2_000)))));
        HttpResponse<String> email = query(SandboxClients.ADMIN_KEY, "{ customer360(email: \"" + "c".repeat(400) + "@example.com\") { id } }");

        assertThat(literal.body()).contains("MAX_STRING_LENGTH_EXCEEDED");
        assertThat(variable.body()).contains("MAX_STRING_LENGTH_EXCEEDED");
        assertThat(JsonPath.<String>read(email.body(), "$.errors[0].message")).contains("'email' is longer than 320");
        assertThat(upstreamRequests() - before).isZero();
    }

    @Test
    void everyAnswerSaysWhatItCostAndWhatIsLeft() throws Exception {
        HttpResponse<String> response = query(SandboxClients.SUPPORT_KEY, "{ " + AVA + " }");

        Map<String, Object> cost = JsonPath.read(response.body(), "$.extensions.cost");
        assertThat(((Number) cost.get("requestedQueryCost")).longValue()).isGreaterThan(1);
        assertThat(((Number) cost.get("actualQueryCost")).longValue()).isBetween(1L, ((Number) cost.get("requestedQueryCost")).longValue());
        assertThat(JsonPath.<Integer>read(response.body(), "$.extensions.cost.throttleStatus.maximumAvailable")).isEqualTo(2000);
        assertThat(JsonPath.<Integer>read(response.body(), "$.extensions.cost.throttleStatus.restoreRate")).isEqualTo(100);
        assertThat(JsonPath.<Integer>read(response.body(), "$.extensions.cost.throttleStatus.currentlyAvailable")).isLessThanOrEqualTo(2000);
    }

    @Test
    void aNormalClientKeepsGettingFullAnswersWhileAnAbusiveOneIsThrottled() throws Exception {
        AtomicInteger unknown = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger abusiveServed = new AtomicInteger();
        AtomicInteger abusiveThrottled = new AtomicInteger();
        List<String> normalFailures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> abusers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                abusers.add(threads.submit(() -> {
                    while (running.get()) {
                        // 12 lookups of addresses nobody has: no cache can answer them, every one searches every account
                        StringBuilder heavy = new StringBuilder("{ ");
                        for (int alias = 0; alias < 12; alias++) {
                            heavy.append("a").append(alias).append(": customer360(email: \"nobody-").append(unknown.incrementAndGet())
                                    .append("@example.com\") { displayName orders(first: 20) { nodes { name } } } ");
                        }
                        HttpResponse<String> response = query(TestClients.SMALL_QUOTA_KEY, heavy.append('}').toString());
                        if (response.body().contains("\"THROTTLED\"")) {
                            abusiveThrottled.incrementAndGet();
                        } else {
                            abusiveServed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            // a support agent's pace: a profile every two seconds (Shopify's standard plan allows about 5 calls a second in all)
            for (int i = 0; i < 6; i++) {
                long started = System.nanoTime();
                HttpResponse<String> normal = query(SandboxClients.SUPPORT_KEY, "{ " + AVA + " }");
                if (normal.statusCode() != 200 || normal.body().contains("\"errors\"")) {
                    normalFailures.add(normal.body());
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Math.max(0, Duration.ofSeconds(2).toNanos() - (System.nanoTime() - started)));
            }
            running.set(false);
            for (Future<?> abuser : abusers) {
                abuser.get();
            }
        }

        assertThat(normalFailures).as("the normal client's answers").isEmpty();
        assertThat(abusiveThrottled.get()).as("abusive requests refused with THROTTLED").isPositive();
    }
}
