package dev.omnigate.gateway.connector;

import static java.util.Objects.requireNonNull;

/**
 * A connector call failed; carries the {@link AccountFailure} the client will see. Thrown (inside completion
 * exceptions) by {@link ConnectorInvoker} futures. Has no stack trace: it is an expected outcome, and the
 * invoker logs unexpected causes itself.
 */
public final class ConnectorCallException extends RuntimeException {

    private final AccountFailure failure;

    public ConnectorCallException(AccountFailure failure) {
        super(requireNonNull(failure, "failure is null").message(), null, false, false);
        this.failure = failure;
    }

    public AccountFailure failure() {
        return failure;
    }
}
