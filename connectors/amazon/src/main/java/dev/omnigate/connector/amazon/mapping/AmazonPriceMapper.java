package dev.omnigate.connector.amazon.mapping;

import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Listings Items 2021-08-01 {@code Item} (listingsItems_2021-08-01.json, includedData {@code summaries,offers}) →
 * one {@link Price} per marketplace of ours: the B2C offer for the standard audience ({@code audience.value} ALL or
 * absent) is our own offer price; B2B and audience-specific offers are not the listing price. The title is the
 * marketplace summary's {@code itemName}. No compare-at price: Listings Items has no "was" price. Native id
 * {@code <marketplace id>:<sku>}.
 */
public final class AmazonPriceMapper {

    private final SourceRefs refs;

    public AmazonPriceMapper(SourceRefs refs) {
        this.refs = refs;
    }

    /** The prices of one item in the given marketplaces; empty when it has no standard offer there. */
    public List<Price> map(JsonNode item, Collection<String> marketplaceIds) {
        String sku = AmazonJson.requireText(item, "sku", "a listings item");
        List<Price> prices = new ArrayList<>();
        for (JsonNode offer : item.path("offers")) {
            String marketplaceId = Json.text(offer.path("marketplaceId"));
            String audience = Json.text(offer.path("audience").path("value"));
            if (marketplaceId == null || !marketplaceIds.contains(marketplaceId) || !"B2C".equals(Json.text(offer.path("offerType")))
                    || (audience != null && !"ALL".equals(audience))) {
                continue;
            }
            Money price = AmazonMoney.require(offer.path("price"), "listings item " + sku + " offer price in " + marketplaceId);
            prices.add(new Price(refs.of(marketplaceId + ":" + sku), sku, title(item, marketplaceId), price, null));
        }
        return prices;
    }

    private static String title(JsonNode item, String marketplaceId) {
        for (JsonNode summary : item.path("summaries")) {
            if (marketplaceId.equals(Json.text(summary.path("marketplaceId")))) {
                return Json.text(summary.path("itemName"));
            }
        }
        return null;
    }
}
