package dev.omnigate.connector.square;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorContext;
import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.connector.api.change.WebhookHandler;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.connector.api.read.PriceReader;
import dev.omnigate.connector.square.mapping.SquareCatalogMapper;
import dev.omnigate.connector.square.mapping.SquareCustomerMapper;
import dev.omnigate.connector.square.mapping.SquareInventoryMapper;
import dev.omnigate.connector.square.mapping.SquareLocationMapper;
import dev.omnigate.connector.square.mapping.SquareOrderMapper;
import dev.omnigate.connector.toolkit.SourceRefs;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One Square seller account. Thread-safe: readers share one {@link SquareClient}; the only state is the SKU
 * resolution cache of {@link SquareCatalog} and the listed location ids of {@link SquareLocations}. Every call
 * honours the {@link CallContext} deadline; after {@link #close()} every reader call fails with UNAVAILABLE without
 * reaching Square.
 */
final class SquareConnector implements Connector {

    private final SquareConfig config;
    private final SquareClient client;
    private final Optional<CustomerReader> customers;
    private final Optional<OrderReader> orders;
    private final Optional<InventoryReader> inventory;
    private final Optional<PriceReader> prices;
    private final Optional<LocationReader> locations;
    private final Optional<WebhookHandler> webhooks;

    SquareConnector(SquareConfig config, ConnectorContext context) {
        this.config = config;
        this.client = new SquareClient(config, context);
        SourceRefs refs = new SourceRefs(Channel.POS, SquareConnectorFactory.ID, context.accountId());
        SquareCatalog catalog = new SquareCatalog(client, config.catalogCacheTtl(), context.clock());
        this.customers = Optional.of(new SquareCustomerReader(client, new SquareCustomerMapper(refs)));
        this.orders = Optional.of(new SquareOrderReader(client, new SquareOrderMapper(refs),
                new SquareLocations(client, config.locationIds())));
        this.inventory = Optional.of(new SquareInventoryReader(client, catalog, new SquareInventoryMapper(refs)));
        this.prices = Optional.of(new SquarePriceReader(catalog, new SquareCatalogMapper(refs)));
        this.locations = Optional.of(new SquareLocationReader(client, new SquareLocationMapper(refs)));
        this.webhooks = Optional.of(new SquareWebhookHandler(config.webhookSignatureKey(), config.webhookNotificationUrl(), refs));
    }

    @Override
    public Optional<CustomerReader> customers() {
        return customers;
    }

    @Override
    public Optional<OrderReader> orders() {
        return orders;
    }

    @Override
    public Optional<InventoryReader> inventory() {
        return inventory;
    }

    @Override
    public Optional<PriceReader> prices() {
        return prices;
    }

    @Override
    public Optional<LocationReader> locations() {
        return locations;
    }

    @Override
    public Optional<WebhookHandler> webhooks() {
        return webhooks;
    }

    /**
     * One {@code GET /v2/locations}. UP when Square answers; DEGRADED when it throttles; DOWN for anything else
     * (rejected token, unreachable host, closed connector, passed deadline). Never throws.
     */
    @Override
    public HealthReport checkHealth(CallContext context) {
        String target = "Square at " + config.baseUrl().getHost();
        if (client.isClosed()) {
            return HealthReport.down(target + ": the connector is closed");
        }
        if (context.isExpired()) {
            return HealthReport.down(target + ": the health check's deadline had already passed");
        }
        try {
            JsonNode body = client.get(context, "health", "/v2/locations").requireNoErrors("square health");
            return HealthReport.up(target + " answered with " + body.path("locations").size() + " locations")
                    .withDetails(Map.of("squareVersion", config.squareVersion()));
        } catch (ConnectorException e) {
            String message = target + ": " + describe(e.category()) + " (" + e.getMessage() + ")";
            return e.category() == ErrorCategory.RATE_LIMITED ? HealthReport.degraded(message) : HealthReport.down(message);
        } catch (RuntimeException e) {
            return HealthReport.down(target + ": health check failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String describe(ErrorCategory category) {
        return switch (category) {
            case UNAUTHENTICATED -> "the access token was rejected";
            case PERMISSION_DENIED -> "the token lacks the MERCHANT_PROFILE_READ scope";
            case RATE_LIMITED -> "throttled";
            case UNAVAILABLE -> "Square is unreachable or failing";
            case TIMEOUT -> "no answer within the deadline";
            case BAD_RESPONSE -> "Square's answer could not be read";
            case BAD_REQUEST, NOT_FOUND, UNSUPPORTED, CONFIG, INTERNAL -> "the health call failed";
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
