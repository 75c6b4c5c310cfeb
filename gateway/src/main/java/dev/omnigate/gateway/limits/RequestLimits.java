package dev.omnigate.gateway.limits;

import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.error.BadRequestException;
import dev.omnigate.gateway.security.ClientQuota;
import dev.omnigate.gateway.security.GatewayClient;
import dev.omnigate.gateway.security.graphql.GraphQlClients;
import dev.omnigate.gateway.security.graphql.ScopeInstrumentation;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.language.Document;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The limits of one request, in one place for every transport (called by the request-level instrumentation,
 * {@link dev.omnigate.gateway.graphql.context.RequestScopeInstrumentation}, so graphql-java's chain gets no further link
 * to call on every field):
 * <ol>
 *   <li>after parsing, before validation: the document limits ({@link DocumentLimits});</li>
 *   <li>before the first field runs: the cost estimate ({@link CostEstimator}, which also checks the arguments that bound
 *       work), refused over the client's per-request maximum ({@code MAX_COST_EXCEEDED}), then taken from the client's
 *       bucket or refused ({@code THROTTLED} with {@code retryAfterSeconds}), so a refused request makes no upstream
 *       call;</li>
 *   <li>when the answer is complete: the bucket is settled with what was spent (cache hits cost nothing), and the answer carries
 *       {@code extensions.cost} ({@code requestedQueryCost}, {@code actualQueryCost} = the points of the upstream calls
 *       it made, {@code throttleStatus}), the shape Shopify's clients read.</li>
 * </ol>
 */
public final class RequestLimits {

    private final DocumentLimits documentLimits;
    private final CostEstimator estimator;
    private final CostBuckets buckets;
    private final LimitsProperties.Cost defaults;
    private final Counter refusedForCost;
    private final Counter throttled;
    private final MeterRegistry meters;

    public RequestLimits(DocumentLimits documentLimits, CostEstimator estimator, CostBuckets buckets, LimitsProperties.Cost defaults,
            MeterRegistry meters) {
        this.documentLimits = documentLimits;
        this.estimator = estimator;
        this.buckets = buckets;
        this.defaults = defaults;
        this.meters = meters;
        this.refusedForCost = Counter.builder("omnigate.limits.refusals").tag("reason", "max_cost").description("Requests refused by a limit")
                .register(meters);
        this.throttled = Counter.builder("omnigate.limits.refusals").tag("reason", "throttled").description("Requests refused by a limit")
                .register(meters);
    }

    /** One request's estimate, reservation and quota. */
    public static final class State implements InstrumentationState {
        volatile QueryCost cost;
        volatile String bucket;
        volatile long reserved;
        volatile long capacity;
        volatile int restoreRate;
        volatile double available = Double.NaN; // no bucket consulted (no client)
    }

    /** A request's state, before it is parsed. */
    public State newState() {
        return new State();
    }

    /**
     * After parsing, before validation.
     *
     * @throws LimitExceededException naming the first document limit exceeded
     */
    public void checkDocument(Document document, Map<String, Object> variables) {
        try {
            documentLimits.check(document, variables);
        } catch (LimitExceededException refused) {
            // reason: one of the few document limit codes, e.g. max_depth
            meters.counter("omnigate.limits.refusals", "reason", refused.code().toLowerCase(java.util.Locale.ROOT).replace("_exceeded", ""))
                    .increment();
            throw refused;
        }
    }

    /**
     * Before the first field runs: prices the operation and takes it from the client's bucket.
     *
     * @throws LimitExceededException {@code BAD_REQUEST} for an argument out of range, {@code MAX_COST_EXCEEDED},
     *     {@code THROTTLED}
     */
    public void admit(State state, ExecutionContext execution) {
        GraphQLObjectType root = switch (execution.getOperationDefinition().getOperation()) {
            case QUERY -> execution.getGraphQLSchema().getQueryType();
            case MUTATION -> execution.getGraphQLSchema().getMutationType();
            case SUBSCRIPTION -> execution.getGraphQLSchema().getSubscriptionType();
        };
        Set<GraphQLFieldDefinition> forbidden = execution.getGraphQLContext().getOrDefault(ScopeInstrumentation.FORBIDDEN_FIELDS, Set.of());
        QueryCost cost;
        try {
            cost = estimator.estimate(execution.getGraphQLSchema(), root, execution.getOperationDefinition().getSelectionSet(),
                    execution.getFragmentsByName(), execution.getCoercedVariables().toMap(), forbidden::contains);
        } catch (BadRequestException e) {
            throw LimitExceededException.of("BAD_REQUEST", e.getMessage(), Map.of());
        }
        state.cost = cost;
        GatewayClient client = GraphQlClients.of(execution.getGraphQLContext()).orElse(null);
        ClientQuota quota = client == null ? ClientQuota.DEFAULTS : client.quota();
        long maxCost = quota.maxRequestCost() != null ? quota.maxRequestCost() : defaults.maxRequestCost();
        state.capacity = quota.bucketSize() != null ? quota.bucketSize() : defaults.bucketSize();
        state.restoreRate = quota.restoreRate() != null ? quota.restoreRate() : defaults.restoreRate();
        if (cost.points() > maxCost) {
            refusedForCost.increment();
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("limit", "omnigate.limits.cost.max-request-cost");
            extensions.put("max", maxCost);
            extensions.put("actual", cost.points());
            extensions.put("cost", costExtension(cost.points(), 0, state));
            throw LimitExceededException.of("MAX_COST_EXCEEDED", "the request is estimated at " + cost.points() + " points (vendor calls "
                    + "weighted by how scarce they are); at most " + maxCost + " are allowed per request: ask for fewer items, aliases "
                    + "or nested lists", extensions);
        }
        if (client != null) {
            state.bucket = client.key();
            CostBuckets.Take take = buckets.take(state.bucket, cost.points(), state.capacity, state.restoreRate);
            state.available = take.available();
            if (!take.allowed()) {
                throttled.increment();
                long retryAfter = Math.max(1, (take.retryAfterMillis() + 999) / 1000);
                Map<String, Object> extensions = new LinkedHashMap<>();
                extensions.put("retryable", true);
                extensions.put("retryAfterSeconds", retryAfter);
                extensions.put("cost", costExtension(cost.points(), 0, state));
                throw LimitExceededException.of("THROTTLED", "client '" + client.id() + "' has " + Math.max(0, (long) take.available()) + " of the "
                        + cost.points() + " points this request is estimated at; its bucket refills at " + state.restoreRate
                        + " points per second: retry in " + retryAfter + " s", extensions);
            }
            state.reserved = cost.points();
        }
    }

    /** When the answer is complete: settles the bucket and adds {@code extensions.cost}. */
    public ExecutionResult settle(State state, ExecutionResult executionResult, GraphQLContext context) {
        if (state == null || state.cost == null) {
            return executionResult;
        }
        RequestScope scope = context == null ? null : context.get(RequestScope.class);
        long actual = scope == null ? 0 : scope.spend().points();
        if (state.bucket != null && state.reserved != actual) {
            buckets.adjust(state.bucket, state.reserved - actual, state.capacity, state.restoreRate);
            state.available = Math.max(-state.capacity, Math.min(state.capacity, state.available + state.reserved - actual));
        }
        if (executionResult.getExtensions() != null && executionResult.getExtensions().containsKey("cost")) {
            return executionResult;
        }
        Map<Object, Object> extensions = new LinkedHashMap<>();
        if (executionResult.getExtensions() != null) {
            extensions.putAll(executionResult.getExtensions());
        }
        extensions.put("cost", costExtension(state.cost.points(), actual, state));
        return executionResult.transform(builder -> builder.extensions(extensions));
    }

    /** Shopify's {@code extensions.cost} shape. */
    private static Map<String, Object> costExtension(long requested, long actual, State state) {
        Map<String, Object> throttle = new LinkedHashMap<>();
        throttle.put("maximumAvailable", state.capacity);
        throttle.put("currentlyAvailable", Double.isNaN(state.available) ? state.capacity : (long) Math.floor(state.available));
        throttle.put("restoreRate", state.restoreRate);
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", requested);
        cost.put("actualQueryCost", actual);
        cost.put("throttleStatus", throttle);
        return cost;
    }
}
