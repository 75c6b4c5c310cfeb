package dev.omnigate.gateway.security;

/**
 * A client's own cost limits ({@code quota:} in its configuration); each null falls back to
 * {@code omnigate.limits.cost.*}.
 *
 * @param maxRequestCost the most points one of its requests may be estimated at
 * @param bucketSize the points its bucket holds
 * @param restoreRate points restored per second
 */
public record ClientQuota(Integer maxRequestCost, Integer bucketSize, Integer restoreRate) {

    /** No overrides. */
    public static final ClientQuota DEFAULTS = new ClientQuota(null, null, null);
}
