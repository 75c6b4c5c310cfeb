package dev.omnigate.gateway.limits;

import java.util.Map;

/**
 * A request's estimated cost before it runs: the points (each vendor call weighted by how scarce its operation is; at
 * least 1) and the vendor calls behind them by {@code account/operation}.
 *
 * @param points the estimate in points, at least 1
 * @param calls the estimated calls by {@code account/operation}
 */
public record QueryCost(long points, Map<String, Long> calls) {

    public QueryCost {
        calls = Map.copyOf(calls);
    }
}
