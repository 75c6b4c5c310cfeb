package dev.omnigate.connector.api;

import dev.omnigate.connector.api.change.ChangePoller;
import dev.omnigate.connector.api.change.WebhookHandler;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.connector.api.read.PriceReader;
import dev.omnigate.connector.api.read.TicketReader;
import java.util.Optional;

/**
 * One configured vendor account (a Shopify shop, an Amazon seller in a region, a Zendesk
 * subdomain ...), created by {@link ConnectorFactory#create}.
 *
 * <p>Each capability is an optional accessor. An accessor returns a reader exactly when the
 * descriptor declares the matching {@link Capability}; the gateway checks this when it loads the
 * connector. Accessors are called often, must be cheap, must return the same reader each time and
 * must not throw.
 *
 * <p>Instances are thread-safe: the host calls readers concurrently from virtual threads.
 *
 * @since 1.0
 */
public interface Connector extends AutoCloseable {

    /** Present iff {@link Capability#CUSTOMERS_READ} is declared. */
    default Optional<CustomerReader> customers() {
        return Optional.empty();
    }

    /** Present iff {@link Capability#ORDERS_READ} is declared. */
    default Optional<OrderReader> orders() {
        return Optional.empty();
    }

    /** Present iff {@link Capability#INVENTORY_READ} is declared. */
    default Optional<InventoryReader> inventory() {
        return Optional.empty();
    }

    /** Present iff {@link Capability#PRICES_READ} is declared. */
    default Optional<PriceReader> prices() {
        return Optional.empty();
    }

    /** Present iff {@link Capability#LOCATIONS_READ} is declared. */
    default Optional<LocationReader> locations() {
        return Optional.empty();
    }

    /** Present iff {@link Capability#TICKETS_READ} is declared. */
    default Optional<TicketReader> tickets() {
        return Optional.empty();
    }

    /** Present iff {@link Capability#CHANGES_WEBHOOK} is declared. */
    default Optional<WebhookHandler> webhooks() {
        return Optional.empty();
    }

    /** Present iff {@link Capability#CHANGES_POLLING} is declared. */
    default Optional<ChangePoller> changePoller() {
        return Optional.empty();
    }

    /**
     * A cheap probe of connectivity and credentials (one small vendor call at most).
     *
     * <p>Called by the host's health endpoint on any thread, possibly while other calls are in flight.
     * <strong>Never throws</strong>: every failure, including an expired deadline or a closed
     * connector, is reported as {@link HealthStatus#DOWN} or {@link HealthStatus#DEGRADED} with a
     * readable message that contains no secrets.
     */
    HealthReport checkHealth(CallContext context);

    /**
     * Releases this account's resources (connection pools, token caches). The host calls it once,
     * after it has stopped routing calls here; calls made after close fail with category
     * {@code UNAVAILABLE}. Must not throw.
     */
    @Override
    void close();
}
