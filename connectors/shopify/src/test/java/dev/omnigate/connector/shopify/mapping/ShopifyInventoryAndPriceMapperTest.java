package dev.omnigate.connector.shopify.mapping;

import static dev.omnigate.connector.shopify.mapping.MappingFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Price;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Inventory levels (quantities(names:) shape of the inventory captures) and variant prices. */
final class ShopifyInventoryAndPriceMapperTest {

    private final ShopifyInventoryMapper inventory = new ShopifyInventoryMapper(MappingFixtures.REFS);
    private final ShopifyPriceMapper prices = new ShopifyPriceMapper(MappingFixtures.REFS);

    @Test
    void levelQuantitiesComeByNameAndMissingNamesAreZero() {
        InventoryLevel level = inventory.toLevel(json("""
                {'id':'gid://shopify/InventoryLevel/152183472434?inventory_item_id=53564958638386','updatedAt':'2026-07-10T17:24:41Z',
                 'location':{'id':'gid://shopify/Location/113884234034'},
                 'quantities':[{'name':'available','quantity':4},{'name':'on_hand','quantity':9},
                               {'name':'committed','quantity':5},{'name':'damaged','quantity':2}]}
                """), "TEE-BLK-M");
        assertThat(level).isEqualTo(new InventoryLevel(MappingFixtures.REFS.of("152183472434?inventory_item_id=53564958638386"),
                "TEE-BLK-M", "113884234034", 9, 5, 4, 0, Instant.parse("2026-07-10T17:24:41Z")));
    }

    @Test
    void oversoldStockStaysNegative() {
        InventoryLevel level = inventory.toLevel(json("{'id':'gid://shopify/InventoryLevel/1?inventory_item_id=2',"
                + "'location':{'id':'gid://shopify/Location/1'},'quantities':[{'name':'available','quantity':-3}]}"), "A");
        assertThat(level.available()).isEqualTo(-3);
    }

    @Test
    void aLevelWithoutLocationIsRefused() {
        assertThatThrownBy(() -> inventory.toLevel(json("{'id':'gid://shopify/InventoryLevel/1?inventory_item_id=2'}"), "A"))
                .hasMessageContaining("lacks location");
    }

    @Test
    void pricesAreInTheShopCurrencyWithCompareAtPrice() {
        Price price = prices.toPrice(json("{'id':'gid://shopify/ProductVariant/51488192921906','legacyResourceId':'51488192921906',"
                + "'sku':'HERMES-INV-884168-BLUE','title':'Blue','displayName':'Hermes Seed - Blue','price':'27.00',"
                + "'compareAtPrice':'35','product':{'id':'gid://shopify/Product/1','title':'Hermes Seed'}}"), "CAD");
        assertThat(price).isEqualTo(new Price(MappingFixtures.REFS.of("51488192921906"), "HERMES-INV-884168-BLUE",
                "Hermes Seed - Blue", Money.of("27.00", "CAD"), Money.of("35.00", "CAD")));
    }

    @Test
    void titleFallsBackToProductAndVariantTitles() {
        assertThat(ShopifyPriceMapper.title(json("{'title':'Blue','product':{'title':'Tee'}}"))).isEqualTo("Tee - Blue");
        assertThat(ShopifyPriceMapper.title(json("{'title':'Default Title','product':{'title':'Tee'}}"))).isEqualTo("Tee");
        assertThat(ShopifyPriceMapper.title(json("{'title':'Blue'}"))).isEqualTo("Blue");
    }

    @Test
    void zeroDecimalCurrenciesKeepTheirScale() {
        Price price = prices.toPrice(json("{'id':'gid://shopify/ProductVariant/1','sku':'A','price':'1200'}"), "JPY");
        assertThat(price.price().amount().toPlainString()).isEqualTo("1200");
    }

    @Test
    void variantsWithoutSkuOrPriceAreRefused() {
        assertThatThrownBy(() -> prices.toPrice(json("{'id':'gid://shopify/ProductVariant/1','sku':null,'price':'1'}"), "CAD"))
                .hasMessageContaining("has no SKU");
        assertThatThrownBy(() -> prices.toPrice(json("{'id':'gid://shopify/ProductVariant/1','sku':'A'}"), "CAD"))
                .hasMessageContaining("lacks price");
        assertThatThrownBy(() -> prices.toPrice(json("{'id':'gid://shopify/ProductVariant/1','sku':'A','price':'abc'}"), "CAD"))
                .hasMessageContaining("decimal");
    }
}
