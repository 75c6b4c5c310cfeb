package dev.omnigate.gateway.connector;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.CallContext;

/**
 * What an {@link ConnectorCallInterceptor} knows about the call it wraps.
 *
 * @param account the account called
 * @param operation a low-cardinality name such as {@code orders.getByIds} (used for metrics and, later,
 *     per-operation resilience instances)
 * @param idempotentRead whether repeating the call is harmless (every v1 call is a read; the retry
 *     interceptor must only retry these)
 * @param context the call's context, with the request's deadline
 * @param scope the request the call belongs to (its spend is noted there)
 */
public record ConnectorCall(ConnectorAccount account, String operation, boolean idempotentRead, CallContext context, RequestScope scope) {

    public ConnectorCall {
        requireNonNull(account, "account is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(context, "context is null");
        requireNonNull(scope, "scope is null");
    }
}
