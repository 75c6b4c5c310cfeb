package dev.omnigate.gateway.events;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.gateway.cache.CacheKind;
import dev.omnigate.gateway.cache.EntityCache;
import java.util.List;

/**
 * Applies changes a connector reported: appends them to the {@link EventLog} (which drops repeated event keys) and
 * drops the cache entries they make stale, so the next read asks the vendor: inventory and prices of the SKU, the
 * order, the customer, the ticket. Events whose SKU is unknown (a vendor that names only its own item id) drop the
 * account's inventory entries altogether rather than serve a stale level. An inventory change that names only its
 * level record gets the SKU from the {@link LevelIndex} first, and the log records the location learned for it, so
 * subscribers on other instances (which may never have read that level) can be told and filter by it.
 */
public final class ChangeIngestor {

    private final EventLog log;
    private final EntityCache cache;
    private final LevelIndex levels;

    public ChangeIngestor(EventLog log, EntityCache cache, LevelIndex levels) {
        this.log = log;
        this.cache = cache;
        this.levels = levels;
    }

    /** @return the events appended (repeats of earlier changes left out) */
    public List<LoggedEvent> ingest(String connectorId, List<ChangeEvent> events) {
        List<LoggedEvent> appended = log.append(connectorId, events.stream().map(this::withSku).toList(), this::learnedLocation);
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
