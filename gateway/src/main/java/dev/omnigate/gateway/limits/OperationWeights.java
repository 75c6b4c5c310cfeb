package dev.omnigate.gateway.limits;

import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.resilience.ResiliencePlan;
import dev.omnigate.gateway.resilience.VendorProfiles.RateLimit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one vendor call costs in points: one point per call, more for a scarce operation. The weight comes from the same
 * vendor profiles the rate limiters enforce ({@link ResiliencePlan}): 1 for an operation its vendor allows at least once
 * a second (Shopify's 5/s, Square, Zendesk's 200 a minute, TikTok Shop, every sandbox plan), otherwise
 * {@code ceil(1 s ÷ the time one call's permit takes to come back)}, at most 100: Amazon's {@code getOrder} (30 a
 * minute) costs 2 and Amazon's {@code searchOrders} (20 an hour) 100. So points are upstream calls wherever calls are not
 * scarce.
 */
public final class OperationWeights {

    /** The rate (calls per second) from which on a call costs 1. */
    static final double REFERENCE_RATE = 1.0;
    /** The dearest call. */
    static final int MAX_WEIGHT = 100;

    private final ResiliencePlan plan;
    private final Map<String, Integer> weights = new ConcurrentHashMap<>();

    public OperationWeights(ResiliencePlan plan) {
        this.plan = plan;
    }

    /** The points of one call of {@code operation} on the account. */
    public int of(ConnectorAccount account, String operation) {
        return weights.computeIfAbsent(account.accountId() + "\u0000" + operation, key -> weigh(account, operation));
    }

    private int weigh(ConnectorAccount account, String operation) {
        ResiliencePlan.AccountPlan accountPlan = plan.of(account);
        double rate = accountPlan.rateLimit().map(OperationWeights::rate).orElse(Double.POSITIVE_INFINITY);
        RateLimit operationLimit = accountPlan.operations().get(operation);
        if (operationLimit != null) {
            rate = Math.min(rate, rate(operationLimit));
        }
        if (Double.isInfinite(rate)) {
            return 1;
        }
        return (int) Math.max(1, Math.min(MAX_WEIGHT, Math.ceil(REFERENCE_RATE / rate)));
    }

    private static double rate(RateLimit limit) {
        return limit.limit() / (limit.period().toNanos() / 1e9);
    }
}
