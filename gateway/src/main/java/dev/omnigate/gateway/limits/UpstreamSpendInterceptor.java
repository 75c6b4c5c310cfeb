package dev.omnigate.gateway.limits;

import dev.omnigate.gateway.connector.ConnectorCall;
import dev.omnigate.gateway.connector.ConnectorCallInterceptor;
import java.util.function.Supplier;

/**
 * The innermost interceptor: every call that reaches a vendor (cache hits never do; each retry does) is noted in its
 * request's {@link dev.omnigate.gateway.connector.UpstreamSpend} with its weight, which becomes the answer's
 * {@code actualQueryCost} and what the client's bucket is charged.
 */
public final class UpstreamSpendInterceptor implements ConnectorCallInterceptor {

    private final OperationWeights weights;

    public UpstreamSpendInterceptor(OperationWeights weights) {
        this.weights = weights;
    }

    @Override
    public <T> T intercept(ConnectorCall call, Supplier<T> next) {
        call.scope().spend().called(weights.of(call.account(), call.operation()));
        return next.get();
    }
}
