package dev.omnigate.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.gateway.security.ClientQuota;
import dev.omnigate.gateway.security.GatewayClient;
import dev.omnigate.gateway.security.PartnerFilter;
import dev.omnigate.gateway.security.Scope;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The document limits, the cost estimate and the per-client buckets in the real engine over the fake accounts (no
 * cache, no resilience: every field's vendor calls reach the fakes, which count them).
 */
@GatewayTest
final class QueryLimitsGraphQlTest {

    @Autowired
    DgsQueryExecutor executor;

    GraphQlClient graphql;

    @BeforeEach
    void reset() {
        FakeWorld.reset();
        graphql = new GraphQlClient(executor);
    }

    private static String repeat(int times, String text) {
        return String.join(" ", Collections.nCopies(times, text));
    }

    private static String aliases(int count, String field) {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < count; i++) {
            query.append('a').append(i).append(": ").append(field).append(' ');
        }
        return query.append('}').toString();
    }

    /** {@code levels} fragments, each spreading the one below twice: 2^levels fields in a few hundred bytes. */
    private static String fragmentBomb(int levels) {
        StringBuilder query = new StringBuilder("{ channels { ...F").append(levels).append(" } } fragment F0 on ChannelAccount { account } ");
        for (int level = 1; level <= levels; level++) {
            query.append("fragment F").append(level).append(" on ChannelAccount { ...F").append(level - 1).append(" ...F").append(level - 1)
                    .append(" } ");
        }
        return query.toString();
    }

    /** The same at the root: every level spreads the one below twice, so the root holds 2^levels fields. */
    private static String rootFragmentBomb(int levels) {
        StringBuilder query = new StringBuilder("{ ...R").append(levels).append(" } fragment R0 on Query { channels { account } } ");
        for (int level = 1; level <= levels; level++) {
            query.append("fragment R").append(level).append(" on Query { ...R").append(level - 1).append(" ...R").append(level - 1)
                    .append(" } ");
        }
        return query.toString();
    }

    private static String deepIntrospection(int ofTypes) {
        return "{ __schema { types { fields { type { " + repeat(ofTypes, "ofType {") + " name " + repeat(ofTypes, "}") + " } } } } }";
    }

    static Stream<Arguments> overALimit() {
        return Stream.of(
                Arguments.of("31 aliases", aliases(31, "channels { account }"), "MAX_ALIASES_EXCEEDED", "omnigate.limits.document.max-aliases"),
                Arguments.of("21 root fields", "{ " + repeat(21, "channels { account }") + " }", "MAX_ROOT_FIELDS_EXCEEDED",
                        "omnigate.limits.document.max-root-fields"),
                Arguments.of("16 levels", deepIntrospection(12), "MAX_DEPTH_EXCEEDED", "omnigate.limits.document.max-depth"),
                Arguments.of("2,001 fields", "{ channels { " + repeat(2_001, "account") + " } }", "MAX_FIELDS_EXCEEDED",
                        "omnigate.limits.document.max-fields"),
                Arguments.of("a fragment bomb of 2^12 fields", fragmentBomb(12), "MAX_FIELDS_EXCEEDED", "omnigate.limits.document.max-fields"),
                Arguments.of("a fragment bomb of 2^60 fields", fragmentBomb(60), "MAX_FIELDS_EXCEEDED", "omnigate.limits.document.max-fields"),
                Arguments.of("a fragment bomb of 2^60 root fields", rootFragmentBomb(60), "MAX_ROOT_FIELDS_EXCEEDED",
                        "omnigate.limits.document.max-root-fields"),
                Arguments.of("a 1,025-character string", "{ customers(query: \"" + "x".repeat(1_025) + "\") { nodes { id } } }",
                        "MAX_STRING_LENGTH_EXCEEDED", "omnigate.limits.document.max-string-length"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overALimit")
    void aDocumentOverALimitIsRefusedNamingTheLimitBeforeAnyVendorCall(String abuse, String query, String code, String limit) {
        Answer answer = graphql.execute(query);

        assertThat(answer.errorExtensions()).as(abuse).singleElement().satisfies(extensions -> {
            assertThat(extensions).containsEntry("code", code).containsEntry("limit", limit);
            assertThat(((Number) extensions.get("actual")).longValue()).isGreaterThan(((Number) extensions.get("max")).longValue());
        });
        assertThat((String) answer.read("$.errors[0].message")).contains("at most", limit);
        assertThat(answer.specification()).doesNotContainKey("data");
        assertThat(FakeWorld.totalReaderCalls()).isZero();
    }

    @Test
    void aLongStringInTheVariablesIsRefusedLikeALiteral() {
        Answer answer = graphql.execute("query($q: String!) { customers(query: $q) { nodes { id } } }", Map.of("q", "y".repeat(5_000)));

        assertThat(answer.errorExtensions()).singleElement().satisfies(extensions -> assertThat(extensions)
                .containsEntry("code", "MAX_STRING_LENGTH_EXCEEDED").containsEntry("max", 1024L).containsEntry("actual", 5_000L));
        assertThat(FakeWorld.totalReaderCalls()).isZero();
    }

    @Test
    void moreTokensThanTheParserAllowsStopsParsing() {
        Answer answer = graphql.execute("{ channels { " + repeat(10_001, "account") + " } }");

        // over HTTP the error is named MAX_TOKENS_EXCEEDED (ValidationErrorCodeInterceptor; AbuseTest sends it that way)
        assertThat(answer.errors()).singleElement().satisfies(error -> assertThat((String) error.get("message")).contains("10,000 'grammar' tokens"));
        assertThat(answer.specification()).doesNotContainKey("data");
        assertThat(FakeWorld.totalReaderCalls()).isZero();
    }

    static Stream<String> ordinaryQueries() {
        return Stream.of(
                "{ orders(first: 5) { nodes { name } } }",
                "{ orders(first: 3) { nodes { name customer { displayName } lines { sku product { title } } } } }",
                "{ customer360(email: \"ava.chen@example.com\") { displayName orders(first: 10) { nodes { name } } tickets(first: 5) { nodes { subject } } } }",
                "{ products(skus: [\"MUG-BLK\", \"TEE-M\"]) { sku availability { available } } }",
                "{ channels { account health { status } } }");
    }

    @ParameterizedTest
    @MethodSource("ordinaryQueries")
    void everyAnswerCarriesItsCostTheEstimateIsAnUpperBoundAndTheActualCostIsTheVendorCallsMade(String query) {
        Answer answer = graphql.execute(query);

        assertThat(answer.errors()).as("served in full").isEmpty();
        long requested = ((Number) answer.read("$.extensions.cost.requestedQueryCost")).longValue();
        long actual = ((Number) answer.read("$.extensions.cost.actualQueryCost")).longValue();
        // health probes are shared by every caller and cached (omnigate.health.cache-ttl): no request is charged for them
        assertThat(actual).as("actualQueryCost: the vendor calls made (the fakes weigh 1 each)").isEqualTo(FakeWorld.totalReaderCalls());
        assertThat(requested).as("the estimate is an upper bound").isGreaterThanOrEqualTo(Math.max(1, actual));
        assertThat((Map<String, Object>) answer.read("$.extensions.cost.throttleStatus"))
                .containsKeys("maximumAvailable", "currentlyAvailable", "restoreRate");
    }

    private GraphQlClient clientWith(ClientQuota quota) {
        return graphql.as(new GatewayClient("quota-" + UUID.randomUUID(), "quota test", GatewayClient.AuthMethod.API_KEY,
                EnumSet.of(Scope.ORDERS_READ, Scope.CUSTOMERS_READ), PartnerFilter.NONE, quota));
    }

    @Test
    void aRequestEstimatedAboveItsClientsMaximumIsRefusedNamingEstimateAndLimit() {
        Answer answer = clientWith(new ClientQuota(3, 100, 10)).execute("{ orders(first: 5) { nodes { name } } }");

        assertThat(answer.errorExtensions()).singleElement().satisfies(extensions -> {
            assertThat(extensions).containsEntry("code", "MAX_COST_EXCEEDED").containsEntry("max", 3L);
            assertThat(((Number) extensions.get("actual")).longValue()).isGreaterThan(3);
        });
        assertThat((String) answer.read("$.errors[0].message")).contains("estimated at", "at most 3");
        assertThat(FakeWorld.totalReaderCalls()).isZero();
    }

    @Test
    void aClientOverItsBucketIsThrottledWithARetryHintAndNoVendorCall() {
        GraphQlClient client = clientWith(new ClientQuota(null, 12, 1));
        String query = "{ orders(first: 5) { nodes { name } } }";

        Answer throttled = null;
        for (int attempt = 0; attempt < 12 && throttled == null; attempt++) {
            Answer answer = client.execute(query);
            if (!answer.errors().isEmpty()) {
                throttled = answer;
            }
        }
        assertThat(throttled).as("the bucket ran dry").isNotNull();
        int callsBefore = FakeWorld.totalReaderCalls();
        Answer again = client.execute(query);

        assertThat(throttled.errorExtensions()).singleElement().satisfies(extensions -> {
            assertThat(extensions).containsEntry("code", "THROTTLED").containsEntry("retryable", true);
            assertThat(((Number) extensions.get("retryAfterSeconds")).longValue()).isPositive();
        });
        assertThat((String) throttled.read("$.errors[0].message")).contains("points per second");
        assertThat(((Number) throttled.read("$.extensions.cost.throttleStatus.currentlyAvailable")).longValue())
                .isLessThan(((Number) throttled.read("$.extensions.cost.requestedQueryCost")).longValue());
        assertThat(again.errorExtensions()).extracting(extensions -> extensions.get("code")).containsExactly("THROTTLED");
        assertThat(FakeWorld.totalReaderCalls()).as("a throttled request calls no vendor").isEqualTo(callsBefore);
    }

    @Test
    void anotherClientIsNotThrottledByTheFirstOnesBucket() {
        GraphQlClient greedy = clientWith(new ClientQuota(null, 12, 1));
        for (int attempt = 0; attempt < 12; attempt++) {
            greedy.execute("{ orders(first: 5) { nodes { name } } }");
        }

        Answer neighbour = clientWith(new ClientQuota(null, 12, 1)).execute("{ orders(first: 5) { nodes { name } } }");

        assertThat(neighbour.errors()).isEmpty();
    }
}
