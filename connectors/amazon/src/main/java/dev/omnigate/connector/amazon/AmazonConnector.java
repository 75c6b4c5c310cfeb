package dev.omnigate.connector.amazon;

import dev.omnigate.connector.amazon.mapping.AmazonInventoryMapper;
import dev.omnigate.connector.amazon.mapping.AmazonLocationMapper;
import dev.omnigate.connector.amazon.mapping.AmazonOrderMapper;
import dev.omnigate.connector.amazon.mapping.AmazonPriceMapper;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorContext;
import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.connector.api.change.ChangePoller;
import dev.omnigate.connector.api.change.WebhookHandler;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.connector.api.read.PriceReader;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One Amazon seller account in one region. Thread-safe: readers share one {@link AmazonClient} (token cache,
 * per-operation pacing). Every call honours the {@link CallContext} deadline; after {@link #close()} every call
 * fails with UNAVAILABLE without reaching Amazon.
 */
final class AmazonConnector implements Connector {

    private final AmazonConfig config;
    private final AmazonClient client;
    private final String accountId;
    private final Optional<OrderReader> orders;
    private final Optional<InventoryReader> inventory;
    private final Optional<PriceReader> prices;
    private final Optional<LocationReader> locations;
    private final Optional<WebhookHandler> webhooks;
    private final Optional<ChangePoller> poller;

    AmazonConnector(AmazonConfig config, ConnectorContext context) {
        this.config = config;
        this.accountId = context.accountId();
        this.client = new AmazonClient(config, context);
        SourceRefs refs = new SourceRefs(Channel.AMAZON, AmazonConnectorFactory.ID, context.accountId());
        AmazonOrderMapper orderMapper = new AmazonOrderMapper(refs);
        AmazonInventoryReader inventoryReader = new AmazonInventoryReader(client, new AmazonInventoryMapper(refs), config);
        this.orders = Optional.of(new AmazonOrderReader(client, orderMapper, config));
        this.inventory = Optional.of(inventoryReader);
        this.prices = Optional.of(new AmazonPriceReader(client, new AmazonPriceMapper(refs), config));
        this.locations = Optional.of(new AmazonLocationReader(client, new AmazonLocationMapper(refs), config));
        this.webhooks = Optional.of(new AmazonWebhookHandler(config.notificationSecret(), config.notificationAuth(), refs, accountId));
        this.poller = Optional.of(new AmazonChangePoller(client, orderMapper, inventoryReader, config));
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

    @Override
    public Optional<ChangePoller> changePoller() {
        return poller;
    }

    /**
     * One {@code getMarketplaceParticipations} call (after an LWA refresh when no token is cached): UP when the
     * seller participates in every configured marketplace, DEGRADED when in only some of them or when throttled,
     * DOWN otherwise (refused credentials, unreachable, closed, deadline passed). Never throws.
     */
    @Override
    public HealthReport checkHealth(CallContext context) {
        String who = "Amazon seller " + config.sellerId() + " (account '" + accountId + "')";
        if (client.isClosed()) {
            return HealthReport.down(who + ": the connector is closed");
        }
        try {
            JsonNode payload = AmazonLocationReader.participations(client, context);
            long participating = 0;
            for (JsonNode participation : payload) {
                String id = Json.text(participation.path("marketplace").path("id"));
                if (config.marketplaceIds().contains(id) && participation.path("participation").path("isParticipating").asBoolean(false)) {
                    participating++;
                }
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("endpoint", config.endpoint().toString());
            details.put("marketplaces", String.join(",", config.marketplaceIds()));
            String summary = who + " participates in " + participating + " of " + config.marketplaceIds().size()
                    + " configured marketplaces";
            if (participating == config.marketplaceIds().size()) {
                return HealthReport.up(summary).withDetails(details);
            }
            return (participating == 0 ? HealthReport.down(summary) : HealthReport.degraded(summary)).withDetails(details);
        } catch (ConnectorException e) {
            String message = who + ": " + describe(e.category()) + " (" + e.getMessage() + ")";
            return e.category() == ErrorCategory.RATE_LIMITED ? HealthReport.degraded(message) : HealthReport.down(message);
        } catch (RuntimeException e) {
            return HealthReport.down(who + ": health check failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String describe(ErrorCategory category) {
        return switch (category) {
            case UNAUTHENTICATED -> "the LWA credentials or the access token were refused";
            case PERMISSION_DENIED -> "the application lacks a role for this call";
            case RATE_LIMITED -> "throttled";
            case UNAVAILABLE -> "SP-API is unreachable or failing";
            case TIMEOUT -> "no answer within the deadline";
            case BAD_RESPONSE -> "the answer could not be read";
            case CONFIG, BAD_REQUEST, NOT_FOUND, UNSUPPORTED, INTERNAL -> "the health call failed";
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
