package dev.omnigate.connector.api.error;

/**
 * The small, static classification of every connector failure. The host decides retries, circuit
 * breaking and the GraphQL error code from the category alone; vendor detail goes in
 * {@link ConnectorException#vendorCode()}.
 *
 * @since 1.0
 */
public enum ErrorCategory {
    /** The request we sent was invalid (vendor 400/422, GraphQL validation error). Not retried. */
    BAD_REQUEST(false),
    /** The addressed resource does not exist. Batch lookups report missing ids as absent instead. */
    NOT_FOUND(false),
    /** Credentials missing, wrong or expired beyond refresh (vendor 401, bad signature). */
    UNAUTHENTICATED(false),
    /** Credentials valid but lacking a scope or role (vendor 403). */
    PERMISSION_DENIED(false),
    /** Vendor throttled us (429, Shopify THROTTLED); {@link ConnectorException#retryAfter()} says when to retry. */
    RATE_LIMITED(true),
    /** Transient vendor or network failure (5xx, connection refused or reset). */
    UNAVAILABLE(true),
    /** The call's deadline passed before the vendor answered. */
    TIMEOUT(true),
    /** The connector does not offer this capability or operation. */
    UNSUPPORTED(false),
    /** The account's configuration is wrong in a way only the vendor could tell (unknown shop, wrong region). */
    CONFIG(false),
    /** The vendor answered with something we cannot parse or that breaks its own contract. */
    BAD_RESPONSE(false),
    /** A bug in the connector. */
    INTERNAL(false);

    private final boolean retryable;

    ErrorCategory(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether repeating the same call later may succeed (the host retries only idempotent reads). */
    public boolean retryable() {
        return retryable;
    }
}
