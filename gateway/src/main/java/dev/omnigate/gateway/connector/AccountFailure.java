package dev.omnigate.gateway.connector;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import java.time.Duration;
import java.util.Optional;

/**
 * One failed connector call, as the client will see it: what failed, where, whether retrying may help.
 *
 * @param accountId the account that failed
 * @param connectorId its connector
 * @param channel its channel
 * @param operation the operation, e.g. {@code orders.search}
 * @param category the SPI's error category (becomes {@code extensions.code})
 * @param message a client-safe sentence (the connector's message, which the SPI keeps free of secrets and
 *     PII, made plain by {@link dev.omnigate.gateway.error.ClientMessages} so it shows no Java internals, or a generic
 *     one for unexpected failures)
 * @param retryAfter when a retry may succeed, if the vendor said
 * @param requestId the request it happened in
 */
public record AccountFailure(String accountId, String connectorId, Channel channel, String operation, ErrorCategory category,
        String message, Duration retryAfter, String requestId) {

    public AccountFailure {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(connectorId, "connectorId is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(category, "category is null");
        requireNonNull(message, "message is null");
        requireNonNull(requestId, "requestId is null");
    }

    public boolean retryable() {
        return category.retryable();
    }

    public Optional<Duration> retryAfterDuration() {
        return Optional.ofNullable(retryAfter);
    }
}
