package dev.omnigate.connector.testkit;

import dev.omnigate.connector.api.error.ErrorCategory;
import java.time.Duration;

/**
 * The ways a vendor can fail that every connector must categorise the same way. A {@link VendorStubs}
 * implementation answers each in the vendor's own wire shape (Shopify's throttle is an HTTP 200 with
 * {@code errors[].extensions.code = THROTTLED}, Zendesk's a 429 with {@code Retry-After} ...).
 */
public enum VendorFailure {
    /** Credentials rejected (HTTP 401 or the vendor's equivalent). */
    UNAUTHENTICATED(ErrorCategory.UNAUTHENTICATED),
    /** Credentials valid but lacking a scope (HTTP 403 or equivalent). */
    PERMISSION_DENIED(ErrorCategory.PERMISSION_DENIED),
    /** Throttled, with a retry hint the connector must parse ({@link VendorStubs#expectedRetryAfter()}). */
    RATE_LIMITED(ErrorCategory.RATE_LIMITED),
    /** Server error (HTTP 5xx). */
    UNAVAILABLE(ErrorCategory.UNAVAILABLE),
    /** A 2xx answer whose body is not valid JSON (or not the vendor's envelope). */
    MALFORMED_RESPONSE(ErrorCategory.BAD_RESPONSE),
    /**
     * A normal answer delayed by {@link #SLOW_DELAY}, far beyond the deadline the kit passes
     * ({@link #SLOW_CALL_TIMEOUT}); use WireMock's {@code withFixedDelay}.
     */
    SLOW(ErrorCategory.TIMEOUT);

    /** How long a {@link #SLOW} stub waits before answering. */
    public static final Duration SLOW_DELAY = Duration.ofSeconds(6);

    /** The call deadline the kit uses against a {@link #SLOW} stub. */
    public static final Duration SLOW_CALL_TIMEOUT = Duration.ofMillis(400);

    private final ErrorCategory expectedCategory;

    VendorFailure(ErrorCategory expectedCategory) {
        this.expectedCategory = expectedCategory;
    }

    /** The category every connector must report for this failure. */
    public ErrorCategory expectedCategory() {
        return expectedCategory;
    }
}
