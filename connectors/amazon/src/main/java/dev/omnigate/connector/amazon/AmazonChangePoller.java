package dev.omnigate.connector.amazon;

import dev.omnigate.connector.amazon.mapping.AmazonOrderMapper;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.change.ChangeBatch;
import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.ChangePoller;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.toolkit.json.Json;
import dev.omnigate.connector.toolkit.paging.Paging;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * The fallback for accounts without notifications: orders by {@code lastUpdatedAfter}/{@code lastUpdatedBefore}
 * (searchOrders) and FBA inventory by {@code startDateTime} (getInventorySummaries, per marketplace).
 *
 * <p>The cursor is an instant W. A poll reads the window [W, U) with U = now - 2 minutes (Amazon wants
 * {@code lastUpdatedBefore} that old, and recent updates may still be settling) and keeps only records whose last
 * update falls in [W, U): windows never overlap, so no change is reported twice; the next cursor is U. The first
 * poll (null cursor) starts at U and reports no history (it still makes both calls, proving access). A cursor at or
 * after U returns unchanged, without a call. Events: ORDER ({@code ORDER_CHANGE}, CREATED when created at its last
 * update) and INVENTORY_LEVEL ({@code FBA_INVENTORY_AVAILABILITY_CHANGES}, with the level), oldest first.
 */
final class AmazonChangePoller implements ChangePoller {

    private static final int MAX_PAGES = 50;

    private final AmazonClient client;
    private final AmazonOrderMapper orders;
    private final AmazonInventoryReader inventory;
    private final AmazonConfig config;

    AmazonChangePoller(AmazonClient client, AmazonOrderMapper orders, AmazonInventoryReader inventory, AmazonConfig config) {
        this.client = client;
        this.orders = orders;
        this.inventory = inventory;
        this.config = config;
    }

    @Override
    public Duration suggestedInterval() {
        return config.pollInterval();
    }

    @Override
    public ChangeBatch poll(CallContext context, String cursor) {
        Instant upper = context.clock().instant().minus(AmazonOrderReader.MIN_AGE_OF_UPPER_BOUND).truncatedTo(ChronoUnit.MILLIS);
        Instant from = cursor == null ? upper : parse(cursor);
        if (cursor != null && !from.isBefore(upper)) {
            return new ChangeBatch(List.of(), cursor);
        }
        List<ChangeEvent> events = new ArrayList<>();
        for (Order order : changedOrders(context, from, upper)) {
            Instant updated = order.updatedAt() == null ? order.createdAt() : order.updatedAt();
            if (!updated.isBefore(from) && updated.isBefore(upper)) {
                String id = order.source().nativeId();
                events.add(new ChangeEvent("amazon:poll:ORDER_CHANGE:" + id + ":" + updated, EntityType.ORDER, order.source(),
                        order.createdAt().equals(updated) ? ChangeKind.CREATED : ChangeKind.UPDATED, updated,
                        AmazonWebhookHandler.ORDER_CHANGE, null, null));
            }
        }
        for (String marketplaceId : config.marketplaceIds()) {
            for (InventoryLevel level : inventory.read(context, marketplaceId, List.of(), from)) {
                Instant updated = level.updatedAt();
                if (updated != null && !updated.isBefore(from) && updated.isBefore(upper)) {
                    events.add(new ChangeEvent("amazon:poll:" + AmazonWebhookHandler.FBA_INVENTORY + ":" + level.source().nativeId()
                            + ":" + updated, EntityType.INVENTORY_LEVEL, level.source(), ChangeKind.UPDATED, updated,
                            AmazonWebhookHandler.FBA_INVENTORY, level.sku(), level));
                }
            }
        }
        events.sort(Comparator.comparing(ChangeEvent::occurredAt));
        return new ChangeBatch(events, upper.toString());
    }

    private List<Order> changedOrders(CallContext context, Instant from, Instant upper) {
        String operation = "amazon searchOrders";
        return Paging.collectAll(context, operation, MAX_PAGES, token -> {
            HttpUrl.Builder url = client.url().addPathSegments(AmazonOrderReader.ORDERS_PATH)
                    .addQueryParameter("marketplaceIds", String.join(",", config.marketplaceIds()))
                    .addQueryParameter("includedData", AmazonOrderReader.INCLUDED_DATA)
                    .addQueryParameter("lastUpdatedAfter", from.toString())
                    .addQueryParameter("lastUpdatedBefore", upper.toString())
                    .addQueryParameter("maxResultsPerPage", "100");
            if (token != null) {
                url.addQueryParameter("paginationToken", token);
            }
            JsonNode body = client.get(context, AmazonOperation.SEARCH_ORDERS, url.build());
            JsonNode list = body.path("orders");
            if (!list.isArray()) {
                throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, operation + ": answer lacks an 'orders' array");
            }
            List<Order> page = new ArrayList<>();
            for (JsonNode order : list) {
                page.add(orders.map(order));
            }
            String next = Json.text(body.path("pagination").path("nextToken"));
            return new Page<>(page, next == null || next.isBlank() ? null : next);
        });
    }

    private static Instant parse(String cursor) {
        try {
            return Instant.parse(cursor.trim());
        } catch (DateTimeParseException e) {
            throw ConnectorException.of(ErrorCategory.BAD_REQUEST, "amazon change poller: malformed cursor (expected an ISO instant)");
        }
    }

}
