package dev.omnigate.simulator.tiktok;

import static java.util.Objects.requireNonNull;

import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.FinancialStatus;
import dev.omnigate.simulator.world.FulfillmentStatus;
import dev.omnigate.simulator.world.Location;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.OrderLine;
import dev.omnigate.simulator.world.Person;
import dev.omnigate.simulator.world.Sku;
import dev.omnigate.simulator.world.StockLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The TikTok Shop seller's view of the demo world, in the 202309 shapes of {@code shared/vendor-specs/tiktok-shop}
 * (each method names the sample it follows). Immutable; built once per start.
 *
 * <ul>
 *   <li>Orders: the world's TikTok Shop orders (Ava's {@code 576894201338511223} among them). Buyer {@code user_id} is
 *       the person's TikTok presence id, {@code buyer_email} the relay address the order was placed with, the phone is
 *       masked as TikTok masks it. One line item per unit, as TikTok lists them.</li>
 *   <li>Warehouses: the world locations TikTok orders ship from (the seller ships TikTok orders itself).</li>
 *   <li>Catalogue: two SKUs, the one of Ava's TikTok order and the other SKU TikTok buyers bought most, grouped into
 *       their products, priced as in the world and stocked at each TikTok warehouse with the world's stock
 *       there.</li>
 * </ul>
 */
public final class TikTokShopStore {

    /** The shop's id (the one of the webhook samples' shop, so sample payloads fit this shop). */
    public static final String SHOP_ID = "7494049642642441621";
    /** The shop's cipher, fixed for the demo shop. */
    public static final String SHOP_CIPHER = "ROW_8mO2kQAAAAAdemoOmnigateShop";

    /** A TikTok product: its id, world product key and title, and its SKUs. */
    public record TikTokProduct(String id, String productKey, String title, long createTime, List<TikTokSku> skus) {
    }

    /** A TikTok SKU: TikTok's id and the seller SKU. */
    public record TikTokSku(String id, String sellerSku, Sku world) {
    }

    /** A TikTok warehouse: TikTok's id for a world location. */
    public record TikTokWarehouse(String id, Location location) {
    }

    private final DemoWorld world;
    private final List<Map<String, Object>> orders;
    private final Map<String, Map<String, Object>> ordersById;
    private final List<TikTokWarehouse> warehouses;
    private final List<TikTokProduct> products;

    public TikTokShopStore(DemoWorld world) {
        this.world = requireNonNull(world, "world is null");
        List<Order> tiktokOrders = world.ordersOn(Channel.TIKTOK_SHOP);
        Set<String> locationKeys = new LinkedHashSet<>();
        tiktokOrders.forEach(order -> locationKeys.add(order.locationKey()));
        List<TikTokWarehouse> warehouseList = new ArrayList<>();
        int w = 0;
        for (String key : locationKeys.stream().sorted().toList()) {
            warehouseList.add(new TikTokWarehouse(String.valueOf(7_068_517_275_539_719_942L + w++), world.location(key)));
        }
        this.warehouses = List.copyOf(warehouseList);
        this.products = catalogue(world, tiktokOrders);
        List<Map<String, Object>> rendered = new ArrayList<>();
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (Order order : tiktokOrders) {
            Map<String, Object> json = order(order);
            rendered.add(json);
            byId.put(order.nativeId(), json);
        }
        this.orders = Collections.unmodifiableList(rendered);
        this.ordersById = Collections.unmodifiableMap(byId);
    }

    public DemoWorld world() {
        return world;
    }

    /** Orders in {@code OrderBatchGetOrderDetailResponse.json}'s shape, oldest first. */
    public List<Map<String, Object>> orders() {
        return orders;
    }

    public Optional<Map<String, Object>> order(String id) {
        return Optional.ofNullable(ordersById.get(id));
    }

    public List<TikTokWarehouse> warehouses() {
        return warehouses;
    }

    public List<TikTokProduct> products() {
        return products;
    }

    /** The TikTok warehouse id of a world location, if TikTok knows it. */
    public Optional<String> warehouseOf(String locationKey) {
        return warehouses.stream().filter(w -> w.location().key().equals(locationKey)).map(TikTokWarehouse::id).findFirst();
    }

    /** The world stock of a listed SKU at each TikTok warehouse (warehouses without a stock row are left out). */
    public List<Map.Entry<TikTokWarehouse, StockLevel>> stockOf(TikTokSku sku) {
        List<Map.Entry<TikTokWarehouse, StockLevel>> levels = new ArrayList<>();
        for (TikTokWarehouse warehouse : warehouses) {
            world.stockOf(sku.sellerSku(), warehouse.location().key()).ifPresent(level -> levels.add(Map.entry(warehouse, level)));
        }
        return levels;
    }

    private static List<TikTokProduct> catalogue(DemoWorld world, List<Order> tiktokOrders) {
        String avaSku = tiktokOrders.stream().filter(o -> o.personKey().equals(DemoWorld.AVA_KEY)).findFirst()
                .map(o -> o.lines().getFirst().sku()).orElseThrow(() -> new IllegalStateException("Ava has no TikTok Shop order"));
        Map<String, Integer> units = new LinkedHashMap<>();
        tiktokOrders.forEach(o -> o.lines().forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum)));
        String second = units.entrySet().stream().filter(e -> !e.getKey().equals(avaSku))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Map<String, List<Sku>> byProduct = new LinkedHashMap<>();
        for (String code : List.of(avaSku, second)) {
            Sku sku = world.sku(code);
            byProduct.computeIfAbsent(sku.productKey(), k -> new ArrayList<>()).add(sku);
        }
        List<TikTokProduct> products = new ArrayList<>();
        int p = 0;
        int s = 0;
        for (Map.Entry<String, List<Sku>> entry : byProduct.entrySet()) {
            List<TikTokSku> skus = new ArrayList<>();
            for (Sku sku : entry.getValue().stream().sorted(Comparator.comparingInt(Sku::position)).toList()) {
                skus.add(new TikTokSku(String.valueOf(1_729_592_969_712_207_012L + s++), sku.sku(), sku));
            }
            var product = world.product(entry.getKey());
            products.add(new TikTokProduct(String.valueOf(1_729_592_969_712_207_008L + 100 * p++), product.key(), product.title(),
                    product.createdAt().getEpochSecond(), List.copyOf(skus)));
        }
        return List.copyOf(products);
    }

    /** The TikTok SKU of a seller SKU, if listed. */
    public Optional<TikTokSku> skuOf(String sellerSku) {
        return products.stream().flatMap(p -> p.skus().stream()).filter(s -> s.sellerSku().equals(sellerSku)).findFirst();
    }

    private Map<String, Object> order(Order order) {
        Person buyer = world.person(order.personKey());
        String userId = buyer.presenceOn(Channel.TIKTOK_SHOP).map(p -> p.nativeId()).orElse(null);
        String maskedPhone = buyer.presenceOn(Channel.TIKTOK_SHOP).map(p -> p.phone()).orElse(null);
        String currency = world.brand().currency();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", order.nativeId());
        json.put("status", status(order));
        json.put("create_time", order.createdAt().getEpochSecond());
        json.put("update_time", order.updatedAt().getEpochSecond());
        if (order.financialStatus() != FinancialStatus.PENDING) {
            json.put("paid_time", order.createdAt().getEpochSecond());
        }
        if (order.cancelledAt() != null) {
            json.put("cancel_time", order.cancelledAt().getEpochSecond());
        }
        json.put("user_id", userId);
        json.put("buyer_email", order.buyerEmail());
        json.put("commerce_platform", "TIKTOK_SHOP");
        json.put("fulfillment_type", "FULFILLMENT_BY_SELLER");
        json.put("delivery_type", "HOME_DELIVERY");
        json.put("shipping_type", "SELLER");
        json.put("warehouse_id", warehouseOf(order.locationKey()).orElse(null));
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("currency", currency);
        payment.put("sub_total", order.subtotal().toPlainString());
        payment.put("shipping_fee", order.shipping().toPlainString());
        payment.put("tax", order.tax().toPlainString());
        payment.put("total_amount", order.total().toPlainString());
        json.put("payment", payment);
        if (order.shippingAddress() != null) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("name", buyer.fullName());
            address.put("first_name", buyer.firstName());
            address.put("last_name", buyer.lastName());
            address.put("phone_number", maskedPhone);
            address.put("address_line1", order.shippingAddress().address1());
            address.put("postal_code", order.shippingAddress().zip());
            address.put("region_code", order.shippingAddress().countryCode());
            address.put("full_address", order.shippingAddress().address1() + ", " + order.shippingAddress().city() + ", "
                    + order.shippingAddress().provinceCode() + " " + order.shippingAddress().zip());
            json.put("recipient_address", address);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        long itemId = Long.parseLong(order.nativeId().substring(0, 15)) * 1000;
        for (OrderLine line : order.lines()) {
            Sku sku = world.sku(line.sku());
            for (int unit = 0; unit < line.quantity(); unit++) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", String.valueOf(itemId++));
                item.put("sku_id", skuOf(line.sku()).map(TikTokSku::id).orElse(String.valueOf(1_730_000_000_000_000_000L
                        + world.skus().indexOf(sku))));
                item.put("seller_sku", line.sku());
                item.put("product_name", line.productTitle());
                item.put("sku_name", line.variantTitle());
                item.put("currency", currency);
                item.put("original_price", line.unitPrice().toPlainString());
                item.put("sale_price", line.unitPrice().toPlainString());
                item.put("display_status", status(order));
                items.add(item);
            }
        }
        json.put("line_items", items);
        return Collections.unmodifiableMap(json);
    }

    /** The 202309 order status of a world order. */
    static String status(Order order) {
        if (order.isCancelled()) {
            return "CANCELLED";
        }
        if (order.fulfillmentStatus() == FulfillmentStatus.FULFILLED) {
            return order.closedAt() != null ? "COMPLETED" : "IN_TRANSIT";
        }
        if (order.fulfillmentStatus() == FulfillmentStatus.PARTIALLY_FULFILLED) {
            return "PARTIALLY_SHIPPING";
        }
        return order.financialStatus() == FinancialStatus.PENDING ? "UNPAID" : "AWAITING_SHIPMENT";
    }
}
