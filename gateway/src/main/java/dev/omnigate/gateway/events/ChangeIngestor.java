package dev.omnigate.gateway.events;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.gateway.cache.CacheKind;
import dev.omnigate.gateway.cache.EntityCache;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * Applies changes a connector reported: appends them to the {@link EventLog} (which drops repeated event keys) and
 * drops the cache entries they make stale, so the next read asks the vendor: inventory and prices of the SKU, the
 * order, the customer, the ticket. Events whose SKU is unknown (a vendor that names only its own item id) drop the
 * account's inventory entries altogether rather than serve a stale level. An inventory change that names only its
 * level record gets the SKU from the {@link LevelIndex} first, then its current figures from one inventory read, and
 * the log records the location learned for it, so
 * subscribers on other instances (which may never have read that level) can be told and filter by it.
 */
public final class ChangeIngestor {

    /** How long re-reading a level a notification did not carry may take (vendors expect the webhook answer in seconds). */
    static final Duration LEVEL_READ_BUDGET = Duration.ofSeconds(2);

    private final EventLog log;
    private final EntityCache cache;
    private final LevelIndex levels;
    private final ConnectorAccounts accounts;
    private final ConnectorInvoker invoker;
    private final Clock clock;

    public ChangeIngestor(EventLog log, EntityCache cache, LevelIndex levels, ConnectorAccounts accounts, ConnectorInvoker invoker,
            Clock clock) {
        this.log = log;
        this.cache = cache;
        this.levels = levels;
        this.accounts = accounts;
        this.invoker = invoker;
        this.clock = clock;
    }

    /** @return the events appended (repeats of earlier changes left out) */
    public List<LoggedEvent> ingest(String connectorId, List<ChangeEvent> events) {
        List<LoggedEvent> appended = log.append(connectorId, events.stream().map(this::withSku).map(this::withLevel).toList(),
                this::learnedLocation);
        for (LoggedEvent logged : appended) {
            invalidate(logged.event());
        }
        return appended;
    }

    /** An inventory change that names only its level gets the SKU the gateway learned for that level, if any. */
    private ChangeEvent withSku(ChangeEvent event) {
        if (event.entityType() != EntityType.INVENTORY_LEVEL || event.sku() != null || event.inventoryLevel() != null) {
            return event;
        }
        return levels.of(event.entity().account(), event.entity().nativeId())
                .map(facts -> new ChangeEvent(event.eventKey(), event.entityType(), event.entity(), event.kind(), event.occurredAt(),
                        event.topic(), facts.sku(), null))
                .orElse(event);
    }

    /**
     * An inventory change whose SKU is known but whose new figures the notification did not carry (Shopify's names the
     * level and its {@code available} only) gets the level as the vendor now reports it: one inventory read of that SKU
     * within {@link #LEVEL_READ_BUDGET}, so partners receive available, on hand and a delta. When the read fails the
     * change is logged as it came.
     */
    private ChangeEvent withLevel(ChangeEvent event) {
        if (event.entityType() != EntityType.INVENTORY_LEVEL || event.sku() == null || event.inventoryLevel() != null) {
            return event;
        }
        Optional<ConnectorAccount> account = accounts.find(event.entity().account());
        Optional<InventoryReader> reader = account.flatMap(found -> found.connector().inventory());
        if (reader.isEmpty()) {
            return event;
        }
        try {
            RequestScope scope = RequestScope.start("event-" + event.eventKey(), LEVEL_READ_BUDGET, clock);
            Map<String, List<InventoryLevel>> read = invoker.call(account.get(), "inventory.getBySkus", scope,
                    context -> reader.get().getBySkus(context, Set.of(event.sku()))).join();
            return read.getOrDefault(event.sku(), List.of()).stream()
                    .filter(level -> level.source().nativeId().equals(event.entity().nativeId())).findFirst()
                    .map(level -> new ChangeEvent(event.eventKey(), event.entityType(), event.entity(), event.kind(), event.occurredAt(),
                            event.topic(), event.sku(), level))
                    .orElse(event);
        } catch (CompletionException e) {
            return event; // logged by the invoker; the change still counts
        }
    }

    /** The location this instance learned for an inventory change's level record, recorded with it in the log. */
    private String learnedLocation(ChangeEvent event) {
        if (event.entityType() != EntityType.INVENTORY_LEVEL) {
            return null;
        }
        return levels.of(event.entity().account(), event.entity().nativeId()).map(LevelIndex.Facts::locationId).orElse(null);
    }

    private void invalidate(ChangeEvent event) {
        String account = event.entity().account();
        String id = event.entity().nativeId();
        switch (event.entityType()) {
            case INVENTORY_LEVEL -> {
                if (event.sku() != null) {
                    cache.invalidate(account, CacheKind.INVENTORY, event.sku());
                } else {
                    cache.invalidateKind(account, CacheKind.INVENTORY);
                }
            }
            case PRICE, PRODUCT -> {
                if (event.sku() != null) {
                    cache.invalidate(account, CacheKind.PRICES, event.sku());
                    cache.invalidate(account, CacheKind.INVENTORY, event.sku());
                } else {
                    cache.invalidateKind(account, CacheKind.PRICES);
                }
            }
            case ORDER -> cache.invalidateKind(account, CacheKind.ORDERS); // orders are cached by id and by customer
            case CUSTOMER -> cache.invalidate(account, CacheKind.CUSTOMERS, id);
            case TICKET -> cache.invalidateKind(account, CacheKind.TICKETS);
            case LOCATION -> cache.invalidate(account, CacheKind.LOCATIONS, id);
        }
    }
}
