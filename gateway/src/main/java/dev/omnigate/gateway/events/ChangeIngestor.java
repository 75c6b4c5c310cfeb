package dev.omnigate.gateway.events;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.gateway.cache.CacheKind;
import dev.omnigate.gateway.cache.EntityCache;
import java.util.List;

/**
 * Applies changes a connector reported: appends them to the {@link EventLog} (which drops repeated event keys) and
 * drops the cache entries they make stale, so the next read asks the vendor: inventory and prices of the SKU, the
 * order, the customer, the ticket. Events whose SKU is unknown (a vendor that names only its own item id) drop the
 * account's inventory entries altogether rather than serve a stale level.
 */
public final class ChangeIngestor {

    private final EventLog log;
    private final EntityCache cache;

    public ChangeIngestor(EventLog log, EntityCache cache) {
        this.log = log;
        this.cache = cache;
    }

    /** @return the events appended (repeats of earlier changes left out) */
    public List<LoggedEvent> ingest(String connectorId, List<ChangeEvent> events) {
        List<LoggedEvent> appended = log.append(connectorId, events);
        for (LoggedEvent logged : appended) {
            invalidate(logged.event());
        }
        return appended;
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
