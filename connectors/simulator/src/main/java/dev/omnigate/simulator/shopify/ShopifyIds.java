package dev.omnigate.simulator.shopify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify global ids ({@code gid://shopify/<Type>/<legacy id>}, e.g. {@code gid://shopify/Customer/9522206933298})
 * and the legacy numeric ids behind them. An inventory level's id names its location and item:
 * {@code gid://shopify/InventoryLevel/<location id>?inventory_item_id=<item id>} (as in the captured responses).
 */
public final class ShopifyIds {

    private static final Pattern GID = Pattern.compile("gid://shopify/([A-Za-z]+)/(\\d{1,19})(\\?inventory_item_id=(\\d{1,19}))?");

    private ShopifyIds() {
    }

    /** A parsed global id. {@code inventoryItemId} is set only for inventory levels. */
    public record Gid(String type, long id, Long inventoryItemId) {
    }

    public static String gid(String type, long legacyId) {
        return "gid://shopify/" + type + "/" + legacyId;
    }

    public static String inventoryLevelGid(long locationId, long inventoryItemId) {
        return "gid://shopify/InventoryLevel/" + locationId + "?inventory_item_id=" + inventoryItemId;
    }

    /** Parses a global id; empty when the text is not a Shopify gid. */
    public static Optional<Gid> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = GID.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(m.group(2));
            Long item = m.group(4) == null ? null : Long.parseLong(m.group(4));
            return Optional.of(new Gid(m.group(1), id, item));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
