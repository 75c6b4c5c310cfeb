package dev.omnigate.connector.api;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.error.ConnectorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Per-call information the host passes to every reader method.
 *
 * <p>Connectors must honour {@link #deadline()}: no HTTP call may outlive it (use {@link #remaining()}
 * as the call timeout), and once it has passed a connector gives up with category {@code TIMEOUT}
 * instead of starting more work.
 *
 * @param requestId the gateway request this call belongs to; safe to log and to send as a vendor
 *     correlation header
 * @param accountId the account being called, for log lines and error messages
 * @param deadline when the caller stops waiting
 * @param clock the clock the deadline refers to
 * @param itemFailures where a batch reader reports records that failed inside a successful answer (since 1.1)
 * @since 1.0
 */
public record CallContext(String requestId, String accountId, Instant deadline, Clock clock, ItemFailureSink itemFailures) {

    public CallContext {
        requireNonNull(requestId, "requestId is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(deadline, "deadline is null");
        requireNonNull(clock, "clock is null");
        itemFailures = itemFailures == null ? ItemFailureSink.ignoring() : itemFailures;
    }

    /** A context whose item failures are dropped (the 1.0 shape). */
    public CallContext(String requestId, String accountId, Instant deadline, Clock clock) {
        this(requestId, accountId, deadline, clock, ItemFailureSink.ignoring());
    }

    /**
     * Reports that the record of {@code key} (an id or SKU of this batch call) failed although the call as a whole
     * succeeded; leave the key out of the result. Never throws.
     *
     * @since 1.1
     */
    public void reportItemFailure(String key, ConnectorException failure) {
        try {
            itemFailures.failed(key, failure);
        } catch (RuntimeException ignored) {
            // a host's sink must not break the connector's answer
        }
    }

    /** A context with a fresh request id whose deadline is {@code timeout} from now on the system clock. */
    public static CallContext withTimeout(String accountId, Duration timeout) {
        Clock clock = Clock.systemUTC();
        return new CallContext(UUID.randomUUID().toString(), accountId, clock.instant().plus(timeout), clock);
    }

    /** Time left until the deadline; {@link Duration#ZERO} once it has passed, never negative. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean isExpired() {
        return !clock.instant().isBefore(deadline);
    }
}
