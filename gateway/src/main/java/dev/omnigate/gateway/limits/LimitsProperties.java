package dev.omnigate.gateway.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one request, one client and one socket may ask of the gateway ({@code omnigate.limits.*}); documented in
 * {@code config/README.md}. Defaults are far above any README example and far below what hurts.
 *
 * @param document limits checked on the parsed document before it is validated
 * @param cost query cost and per-client quotas, in points priced by the vendor operations a field causes
 * @param connections WebSocket limits
 */
@ConfigurationProperties(prefix = "omnigate.limits")
public record LimitsProperties(@DefaultValue Document document, @DefaultValue Cost cost, @DefaultValue Connections connections) {

    /**
     * @param maxTokens the most lexical tokens a document may have (parsing stops there)
     * @param maxAliases the most aliased fields a document may have
     * @param maxRootFields the most fields an operation may select at its root
     * @param maxDepth the deepest selection, fragments followed
     * @param maxFields the most fields an operation selects, fragments expanded as often as they are spread
     * @param maxStringLength the longest string argument, literal or in the variables
     */
    public record Document(@DefaultValue("10000") int maxTokens, @DefaultValue("30") int maxAliases, @DefaultValue("20") int maxRootFields,
            @DefaultValue("15") int maxDepth, @DefaultValue("2000") int maxFields, @DefaultValue("1024") int maxStringLength) {
        public Document {
            positive("omnigate.limits.document.max-tokens", maxTokens);
            positive("omnigate.limits.document.max-aliases", maxAliases + 1);
            positive("omnigate.limits.document.max-root-fields", maxRootFields);
            positive("omnigate.limits.document.max-depth", maxDepth);
            positive("omnigate.limits.document.max-fields", maxFields);
            positive("omnigate.limits.document.max-string-length", maxStringLength);
        }
    }

    /**
     * @param maxRequestCost the most points one request may be estimated to cost
     * @param bucketSize the points a client's bucket holds (its burst)
     * @param restoreRate the points restored per second
     * @param assumedListSize how many items a list without a size argument is assumed to hold (order lines, locations)
     * @param vendorShare the most of an account's rate-limit window one request may take (0..1)
     * @param bucketExpiry how long an idle client's bucket is kept (a full bucket would be rebuilt anyway)
     */
    public record Cost(@DefaultValue("1000") int maxRequestCost, @DefaultValue("2000") int bucketSize, @DefaultValue("100") int restoreRate,
            @DefaultValue("10") int assumedListSize, @DefaultValue("0.5") double vendorShare, @DefaultValue("1h") Duration bucketExpiry) {
        public Cost {
            positive("omnigate.limits.cost.max-request-cost", maxRequestCost);
            positive("omnigate.limits.cost.bucket-size", bucketSize);
            positive("omnigate.limits.cost.restore-rate", restoreRate);
            positive("omnigate.limits.cost.assumed-list-size", assumedListSize);
            if (maxRequestCost > bucketSize) {
                throw new IllegalArgumentException("omnigate.limits.cost.max-request-cost (" + maxRequestCost
                        + ") must not exceed omnigate.limits.cost.bucket-size (" + bucketSize + "): such a request could never run");
            }
            if (!(vendorShare > 0 && vendorShare <= 1)) {
                throw new IllegalArgumentException("omnigate.limits.cost.vendor-share must be above 0 and at most 1, but was " + vendorShare);
            }
        }
    }

    /**
     * @param maxSubscriptionsPerSocket the most subscriptions open at once on one WebSocket
     * @param maxSubscriptionsPerClient the most subscriptions one client may hold open over all its sockets
     * @param maxSocketsPerClient the most WebSockets one client may hold open
     */
    public record Connections(@DefaultValue("100") int maxSubscriptionsPerSocket, @DefaultValue("500") int maxSubscriptionsPerClient,
            @DefaultValue("20") int maxSocketsPerClient) {
        public Connections {
            positive("omnigate.limits.connections.max-subscriptions-per-socket", maxSubscriptionsPerSocket);
            positive("omnigate.limits.connections.max-subscriptions-per-client", maxSubscriptionsPerClient);
            positive("omnigate.limits.connections.max-sockets-per-client", maxSocketsPerClient);
        }
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, but was " + value);
        }
    }
}
