package dev.omnigate.connector.amazon.mapping;

import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * FBA inventory (fbaInventory.json {@code InventorySummary} with {@code details=true}, and the
 * FBA_INVENTORY_AVAILABILITY_CHANGES notification's {@code FulfillmentInventory}) → {@link InventoryLevel} at the
 * marketplace's FBA location {@code FBA:<marketplace id>}.
 *
 * <p>available = fulfillable; committed = reserved (total reserved: pending customer orders, transshipment, FC
 * processing); onHand = fulfillable + reserved, so onHand - committed = available as elsewhere in the SPI;
 * incoming = inbound working + shipped + receiving. Unfulfillable and researching units are not sellable and
 * are left out. The level's native id is {@code <sku>@FBA:<marketplace id>}.
 */
public final class AmazonInventoryMapper {

    private final SourceRefs refs;

    public AmazonInventoryMapper(SourceRefs refs) {
        this.refs = refs;
    }

    /** One {@code InventorySummary} of a marketplace; null when it carries no seller SKU. */
    public InventoryLevel fromSummary(JsonNode summary, String marketplaceId) {
        String sku = Json.text(summary.path("sellerSku"));
        if (sku == null || sku.isBlank()) {
            return null;
        }
        JsonNode details = summary.path("inventoryDetails");
        long fulfillable = AmazonJson.count(details, "fulfillableQuantity");
        long reserved = AmazonJson.count(details.path("reservedQuantity"), "totalReservedQuantity");
        long incoming = AmazonJson.count(details, "inboundWorkingQuantity") + AmazonJson.count(details, "inboundShippedQuantity")
                + AmazonJson.count(details, "inboundReceivingQuantity");
        Instant updated = AmazonJson.instant(summary, "lastUpdatedTime", "inventory summary of " + sku);
        return level(sku, marketplaceId, fulfillable, reserved, incoming, updated);
    }

    /** One {@code FulfillmentInventoryByMarketplace} entry of an FBA_INVENTORY_AVAILABILITY_CHANGES payload. */
    public InventoryLevel fromNotification(String sku, JsonNode byMarketplace, Instant eventTime) {
        String marketplaceId = Json.text(byMarketplace.path("MarketplaceId"));
        if (sku == null || marketplaceId == null) {
            return null;
        }
        JsonNode inventory = byMarketplace.path("FulfillmentInventory");
        JsonNode reserved = inventory.path("ReservedQuantityBreakdown");
        JsonNode inbound = inventory.path("InboundQuantityBreakdown");
        long reservedTotal = AmazonJson.count(reserved, "WarehouseProcessing") + AmazonJson.count(reserved, "WarehouseTransfer")
                + AmazonJson.count(reserved, "PendingCustomerOrder");
        long incoming = AmazonJson.count(inbound, "Working") + AmazonJson.count(inbound, "Shipped") + AmazonJson.count(inbound, "Receiving");
        return level(sku, marketplaceId, AmazonJson.count(inventory, "Fulfillable"), reservedTotal, incoming, eventTime);
    }

    private InventoryLevel level(String sku, String marketplaceId, long fulfillable, long reserved, long incoming, Instant updated) {
        String location = AmazonOrderMapper.fbaLocationId(marketplaceId);
        return new InventoryLevel(refs.of(sku + "@" + location), sku, location, fulfillable + reserved, reserved, fulfillable,
                incoming, updated);
    }
}
