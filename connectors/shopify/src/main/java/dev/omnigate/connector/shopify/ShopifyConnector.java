package dev.omnigate.connector.shopify;

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
import dev.omnigate.connector.shopify.mapping.ShopifyCustomerMapper;
import dev.omnigate.connector.shopify.mapping.ShopifyInventoryMapper;
import dev.omnigate.connector.shopify.mapping.ShopifyJson;
import dev.omnigate.connector.shopify.mapping.ShopifyLocationMapper;
import dev.omnigate.connector.shopify.mapping.ShopifyOrderMapper;
import dev.omnigate.connector.shopify.mapping.ShopifyPriceMapper;
import dev.omnigate.connector.toolkit.SourceRefs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Shopify shop. Thread-safe: readers share one {@link ShopifyClient} and hold no per-call state
 * (the price reader caches the shop currency). Every call honours the {@link CallContext} deadline;
 * after {@link #close()} every reader call fails with UNAVAILABLE without reaching Shopify.
 */
final class ShopifyConnector implements Connector {

    private final ShopifyConfig config;
    private final ShopifyClient client;
    private final Optional<CustomerReader> customers;
    private final Optional<OrderReader> orders;
    private final Optional<InventoryReader> inventory;
    private final Optional<PriceReader> prices;
    private final Optional<LocationReader> locations;
    private final Optional<WebhookHandler> webhooks;

    ShopifyConnector(ShopifyConfig config, ConnectorContext context) {
        this.config = config;
        this.client = new ShopifyClient(config, context);
        SourceRefs refs = new SourceRefs(Channel.SHOPIFY, ShopifyConnectorFactory.ID, context.accountId());
        this.customers = Optional.of(new ShopifyCustomerReader(client, new ShopifyCustomerMapper(refs)));
        this.orders = Optional.of(new ShopifyOrderReader(client, new ShopifyOrderMapper(refs)));
        this.inventory = Optional.of(new ShopifyInventoryReader(client, new ShopifyInventoryMapper(refs)));
        this.prices = Optional.of(new ShopifyPriceReader(client, new ShopifyPriceMapper(refs)));
        this.locations = Optional.of(new ShopifyLocationReader(client,
                new ShopifyLocationMapper(refs, config.storeLocationIds(), config.warehouseLocationIds())));
        this.webhooks = Optional.of(new ShopifyWebhookHandler(config.webhookSecret(), config.shopDomain(), refs));
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
     * One {@code shop { name }} query (1 point). UP when it answers; DEGRADED when less than
     * {@code throttle-degraded-below-percent} of the cost bucket is left or Shopify throttles; DOWN for
     * anything else (rejected token, unreachable shop, closed connector, passed deadline). Never throws.
     */
    @Override
    public HealthReport checkHealth(CallContext context) {
        if (client.isClosed()) {
            return HealthReport.down("Shopify connector for " + config.shopDomain() + " is closed");
        }
        try {
            ShopifyClient.Answer answer = client.execute(context, ShopifyQueries.HEALTH, Map.of());
            String name = ShopifyJson.string(answer.data().path("shop"), "name");
            Map<String, String> details = new LinkedHashMap<>();
            details.put("apiVersion", config.apiVersion());
            details.put("shopDomain", config.shopDomain());
            Optional<ShopifyClient.ThrottleStatus> throttle = answer.cost().throttle();
            throttle.ifPresent(t -> {
                details.put("costAvailable", String.valueOf((long) t.currentlyAvailable()));
                details.put("costMaximum", String.valueOf((long) t.maximumAvailable()));
                details.put("costRestoreRate", String.valueOf((long) t.restoreRate()));
            });
            String shop = name == null ? config.shopDomain() : "'" + name + "' (" + config.shopDomain() + ")";
            if (throttle.isPresent() && throttle.get().maximumAvailable() > 0
                    && throttle.get().currentlyAvailable() * 100 < throttle.get().maximumAvailable() * config.degradedBelowPercent()) {
                return HealthReport.degraded("Shopify shop " + shop + " answered, but only "
                        + (long) throttle.get().currentlyAvailable() + " of " + (long) throttle.get().maximumAvailable()
                        + " query-cost points are available").withDetails(details);
            }
            return HealthReport.up("Shopify shop " + shop + " answered").withDetails(details);
        } catch (ConnectorException e) {
            String message = "Shopify shop " + config.shopDomain() + ": " + describe(e.category()) + " (" + e.getMessage() + ")";
            return e.category() == ErrorCategory.RATE_LIMITED ? HealthReport.degraded(message) : HealthReport.down(message);
        } catch (RuntimeException e) {
            return HealthReport.down("Shopify shop " + config.shopDomain() + ": health check failed unexpectedly ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String describe(ErrorCategory category) {
        return switch (category) {
            case UNAUTHENTICATED -> "the access token was rejected";
            case PERMISSION_DENIED -> "the app lacks access to this shop";
            case RATE_LIMITED -> "throttled";
            case UNAVAILABLE -> "Shopify is unreachable or failing";
            case TIMEOUT -> "no answer within the deadline";
            case CONFIG -> "the shop domain or API version is wrong";
            case BAD_RESPONSE -> "Shopify's answer could not be read";
            case BAD_REQUEST, NOT_FOUND, UNSUPPORTED, INTERNAL -> "the health query failed";
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
