package dev.omnigate.connector.tiktok;

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
import dev.omnigate.connector.tiktok.mapping.TikTokShopLocationMapper;
import dev.omnigate.connector.tiktok.mapping.TikTokShopOrderMapper;
import dev.omnigate.connector.tiktok.mapping.TikTokShopProductMapper;
import dev.omnigate.connector.toolkit.SourceRefs;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One TikTok Shop account. Thread-safe: readers share one {@link TikTokShopClient} (which holds the token and the
 * shop cipher). Every call honours the {@link CallContext} deadline; after {@link #close()} every reader call fails
 * with UNAVAILABLE without reaching TikTok.
 */
final class TikTokShopConnector implements Connector {

    private final TikTokShopClient client;
    private final Optional<OrderReader> orders;
    private final Optional<InventoryReader> inventory;
    private final Optional<PriceReader> prices;
    private final Optional<LocationReader> locations;
    private final Optional<WebhookHandler> webhooks;
    private final Optional<ChangePoller> poller;

    TikTokShopConnector(TikTokShopConfig config, ConnectorContext context) {
        this.client = new TikTokShopClient(config, context);
        SourceRefs refs = new SourceRefs(Channel.TIKTOK_SHOP, TikTokShopConnectorFactory.ID, context.accountId());
        TikTokShopProducts products = new TikTokShopProducts(client);
        TikTokShopProductMapper productMapper = new TikTokShopProductMapper(refs);
        this.orders = Optional.of(new TikTokShopOrderReader(client, new TikTokShopOrderMapper(refs)));
        this.inventory = Optional.of(new TikTokShopInventoryReader(products, productMapper));
        this.prices = Optional.of(new TikTokShopPriceReader(products, productMapper));
        this.locations = Optional.of(new TikTokShopLocationReader(client, new TikTokShopLocationMapper(refs)));
        this.webhooks = Optional.of(new TikTokShopWebhookHandler(config.appSecret(), config.appKey(), config.shopId(),
                config.webhookTolerance(), refs));
        this.poller = Optional.of(new TikTokShopChangePoller(client, refs, context.clock()));
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
     * One signed {@code GET /authorization/202309/shops} (it needs no shop cipher). UP when TikTok answers; DEGRADED
     * when throttled; DOWN for anything else (rejected signature or token, unreachable host, closed connector, passed
     * deadline). A token refresh due at that moment adds one call. Never throws.
     */
    @Override
    public HealthReport checkHealth(CallContext context) {
        if (client.isClosed()) {
            return HealthReport.down("TikTok Shop connector is closed");
        }
        try {
            List<TikTokShopClient.Shop> shops = client.shops(context);
            String names = shops.stream().map(shop -> shop.name() == null ? shop.id() : "'" + shop.name() + "'")
                    .reduce((a, b) -> a + ", " + b).orElse("none");
            return HealthReport.up("TikTok Shop answered; authorised shops: " + names)
                    .withDetails(Map.of("apiVersion", "202309", "shops", String.valueOf(shops.size())));
        } catch (ConnectorException e) {
            String message = "TikTok Shop: " + describe(e.category()) + " (" + e.getMessage() + ")";
            return e.category() == ErrorCategory.RATE_LIMITED ? HealthReport.degraded(message) : HealthReport.down(message);
        } catch (RuntimeException e) {
            return HealthReport.down("TikTok Shop: health check failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String describe(ErrorCategory category) {
        return switch (category) {
            case UNAUTHENTICATED -> "the signature or access token was rejected";
            case PERMISSION_DENIED -> "the app lacks access to this shop";
            case RATE_LIMITED -> "throttled";
            case UNAVAILABLE -> "TikTok Shop is unreachable or failing";
            case TIMEOUT -> "no answer within the deadline";
            case CONFIG -> "the account configuration is wrong";
            case BAD_RESPONSE -> "TikTok Shop's answer could not be read";
            case BAD_REQUEST, NOT_FOUND, UNSUPPORTED, INTERNAL -> "the health call failed";
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
