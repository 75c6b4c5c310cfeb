package dev.omnigate.connector.tiktok.mapping;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.toolkit.SourceRefs;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Maps product SKUs to prices and stock.
 *
 * <ul>
 *   <li>Products search / detail ({@code ProductSearchProductsResponse.json}, {@code ProductGetProductDetailResponse.json}):
 *       each {@code skus[]} entry has its TikTok {@code id}, the seller's {@code seller_sku}, {@code price {currency,
 *       sale_price}} and {@code inventory[] {warehouse_id, quantity}}. The price is the sale price (no compare-at price
 *       in these shapes); each inventory entry is a level whose {@code quantity} is the sellable stock, so on hand =
 *       available = quantity and committed = 0 (these shapes carry no committed count).</li>
 *   <li>Inventory search ({@code ProductGetInventoriesResponse.json}): {@code warehouse_inventory[] {warehouse_id,
 *       available_quantity, committed_quantity}} per SKU: on hand = available + committed.</li>
 * </ul>
 * A level's native id is {@code <sku id>:<warehouse id>} (TikTok has no id of its own for it).
 */
public final class TikTokShopProductMapper {

    private final SourceRefs refs;

    public TikTokShopProductMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    /** The seller SKU of a product's SKU entry, trimmed; null when it has none. */
    public static String sellerSku(JsonNode sku) {
        return TikTokShopJson.text(sku, "seller_sku");
    }

    /** The SKU's price; null when it has no sale price with a currency. */
    public Price toPrice(JsonNode product, JsonNode sku) {
        String id = TikTokShopJson.text(sku, "id");
        String sellerSku = sellerSku(sku);
        JsonNode price = sku.path("price");
        Money sale = TikTokShopJson.money(TikTokShopJson.text(price, "sale_price"), TikTokShopJson.text(price, "currency"),
                "the price of SKU " + id);
        if (id == null || sellerSku == null || sale == null) {
            return null;
        }
        return new Price(refs.of(id), sellerSku, TikTokShopJson.text(product, "title"), sale, null);
    }

    /** The SKU's stock per warehouse from a product answer's {@code inventory[]}. */
    public List<InventoryLevel> toLevels(JsonNode sku) {
        String id = TikTokShopJson.text(sku, "id");
        String sellerSku = sellerSku(sku);
        List<InventoryLevel> levels = new ArrayList<>();
        if (id == null || sellerSku == null) {
            return levels;
        }
        for (JsonNode entry : sku.path("inventory")) {
            String warehouse = TikTokShopJson.text(entry, "warehouse_id");
            long quantity = entry.path("quantity").asLong(0);
            if (warehouse != null) {
                levels.add(new InventoryLevel(refs.of(id + ":" + warehouse), sellerSku, warehouse, quantity, 0, quantity, 0, null));
            }
        }
        return levels;
    }

    /** The SKU's stock per warehouse from an inventory search answer's {@code warehouse_inventory[]}. */
    public List<InventoryLevel> toLevelsFromInventorySearch(JsonNode sku) {
        String id = TikTokShopJson.text(sku, "id");
        String sellerSku = sellerSku(sku);
        List<InventoryLevel> levels = new ArrayList<>();
        if (id == null || sellerSku == null) {
            return levels;
        }
        for (JsonNode entry : sku.path("warehouse_inventory")) {
            String warehouse = TikTokShopJson.text(entry, "warehouse_id");
            long available = entry.path("available_quantity").asLong(0);
            long committed = entry.path("committed_quantity").asLong(0);
            if (warehouse != null) {
                levels.add(new InventoryLevel(refs.of(id + ":" + warehouse), sellerSku, warehouse, available + committed,
                        committed, available, 0, null));
            }
        }
        return levels;
    }
}
