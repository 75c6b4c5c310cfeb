package dev.omnigate.connector.api.error;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.Capability;
import java.time.Duration;
import java.util.Optional;

/**
 * The one exception connectors throw for anything that goes wrong talking to a vendor.
 *
 * <p>Messages are shown to API clients and written to logs: they must name what went wrong (the
 * operation, the HTTP status, the vendor's error code) and must never contain secrets, tokens,
 * signatures or customer PII. A missing id in a batch lookup is not an error: it is simply absent from
 * the result.
 *
 * @since 1.0
 */
public final class ConnectorException extends RuntimeException {

    private final ErrorCategory category;
    private final String vendorCode;
    private final String vendorRequestId;
    private final Duration retryAfter;

    private ConnectorException(Builder builder) {
        super(builder.message, builder.cause);
        this.category = builder.category;
        this.vendorCode = builder.vendorCode;
        this.vendorRequestId = builder.vendorRequestId;
        this.retryAfter = builder.retryAfter;
    }

    public static Builder builder(ErrorCategory category, String message) {
        return new Builder(category, message);
    }

    public static ConnectorException of(ErrorCategory category, String message) {
        return builder(category, message).build();
    }

    /** {@link ErrorCategory#RATE_LIMITED} with the vendor's hint of when to try again. */
    public static ConnectorException rateLimited(String message, Duration retryAfter) {
        return builder(ErrorCategory.RATE_LIMITED, message).retryAfter(retryAfter).build();
    }

    /**
     * The standard refusal for a capability the connector does not declare. The message is exactly
     * {@code "this connector does not support <CAPABILITY>"}; the contract kit asserts it.
     */
    public static ConnectorException unsupported(Capability capability) {
        return of(ErrorCategory.UNSUPPORTED, unsupportedMessage(capability));
    }

    /** The exact message of {@link #unsupported(Capability)}. */
    public static String unsupportedMessage(Capability capability) {
        return "this connector does not support " + capability.name();
    }

    public ErrorCategory category() {
        return category;
    }

    /** The vendor's own error code (e.g. {@code THROTTLED}, {@code QuotaExceeded}), if it sent one. */
    public Optional<String> vendorCode() {
        return Optional.ofNullable(vendorCode);
    }

    /** The vendor's request id (e.g. {@code x-amzn-RequestId}), for support tickets with the vendor. */
    public Optional<String> vendorRequestId() {
        return Optional.ofNullable(vendorRequestId);
    }

    /** For {@link ErrorCategory#RATE_LIMITED} (and sometimes {@code UNAVAILABLE}): when a retry may succeed. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean retryable() {
        return category.retryable();
    }

    /** Builds a {@link ConnectorException}. */
    public static final class Builder {
        private final ErrorCategory category;
        private final String message;
        private String vendorCode;
        private String vendorRequestId;
        private Duration retryAfter;
        private Throwable cause;

        private Builder(ErrorCategory category, String message) {
            this.category = requireNonNull(category, "category is null");
            this.message = requireNonNull(message, "message is null");
        }

        public Builder vendorCode(String code) {
            this.vendorCode = code;
            return this;
        }

        public Builder vendorRequestId(String requestId) {
            this.vendorRequestId = requestId;
            return this;
        }

        public Builder retryAfter(Duration delay) {
            if (delay != null && delay.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative, but was " + delay);
            }
            this.retryAfter = delay;
            return this;
        }

        public Builder cause(Throwable throwable) {
            this.cause = throwable;
            return this;
        }

        public ConnectorException build() {
            return new ConnectorException(this);
        }
    }
}
