package dev.omnigate.connector.shopify.mapping;

import static dev.omnigate.connector.shopify.mapping.MappingFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.EmailKind;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderLine;
import dev.omnigate.connector.api.model.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Order mapping. Synthetic orders follow the connector's selection (ShopifyOrderFields) with the 2026-04
 * schema's types; the MoneyBag shape is that of {@code captures/2025-01__orders__money-bag-presentment-parity.json}.
 */
final class ShopifyOrderMapperTest {

    private final ShopifyOrderMapper mapper = new ShopifyOrderMapper(MappingFixtures.REFS);

    private static String order(String extra) {
        return """
                {'id':'gid://shopify/Order/8837991727410','legacyResourceId':'8837991727410','name':'#1494',
                 'email':'ava.chen@example.com','createdAt':'2026-06-22T22:34:00Z','updatedAt':'2026-06-22T22:34:02Z',
                 'cancelledAt':null,'displayFinancialStatus':'PAID','displayFulfillmentStatus':'FULFILLED',
                 'customer':{'id':'gid://shopify/Customer/9522206933298','legacyResourceId':'9522206933298'},
                 'totalPriceSet':{'shopMoney':{'amount':'11884.9','currencyCode':'CAD'},
                                  'presentmentMoney':{'amount':'8713.12','currencyCode':'USD'}},
                 'retailLocation':null,
                 'lineItems':{'nodes':[{'id':'gid://shopify/LineItem/22330451607858','sku':'TEE-BLK-M','title':'Tee',
                    'name':'Tee - Black / M','quantity':3,
                    'originalUnitPriceSet':{'shopMoney':{'amount':'12.0','currencyCode':'CAD'},
                                            'presentmentMoney':{'amount':'8.0','currencyCode':'USD'}}}],
                    'pageInfo':{'hasNextPage':false,'endCursor':null}},
                 'fulfillmentOrders':{'nodes':[]}
                 %s}
                """.formatted(extra);
    }

    private static String fulfillmentOrder(String methodType, String locationId) {
        return "{'id':'gid://shopify/FulfillmentOrder/1','status':'OPEN','deliveryMethod':"
                + (methodType == null ? "null" : "{'methodType':'" + methodType + "'}")
                + ",'assignedLocation':{'location':{'id':'gid://shopify/Location/" + locationId + "','legacyResourceId':'"
                + locationId + "'}}}";
    }

    private Order withFulfillmentOrders(String... fulfillmentOrders) {
        String base = order("").replace("'fulfillmentOrders':{'nodes':[]}",
                "'fulfillmentOrders':{'nodes':[" + String.join(",", fulfillmentOrders) + "]}");
        return mapper.toOrder(json(base));
    }

    @Test
    void mapsAFullOrder() {
        Order order = mapper.toOrder(json(order("")));
        assertThat(order.source().nativeId()).isEqualTo("8837991727410");
        assertThat(order.source().connector()).isEqualTo("shopify");
        assertThat(order.name()).isEqualTo("#1494");
        assertThat(order.customerId()).isEqualTo("9522206933298");
        assertThat(order.buyerEmail().address()).isEqualTo("ava.chen@example.com");
        assertThat(order.buyerEmail().kind()).as("Shopify never relays emails").isEqualTo(EmailKind.PERSONAL);
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-06-22T22:34:00Z"));
        assertThat(order.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(order.rawStatus()).isEqualTo("PAID/FULFILLED");
        assertThat(order.lines()).containsExactly(
                new OrderLine("22330451607858", "TEE-BLK-M", "Tee", 3, Money.of("12.00", "CAD")));
    }

    @Test
    void totalIsTheShopMoneyOfTheMoneyBagWithItsExactDigits() {
        Money total = mapper.toOrder(json(order(""))).total();
        assertThat(total.currencyCode()).as("shop currency, not presentment").isEqualTo("CAD");
        assertThat(total.amount()).isEqualTo(new BigDecimal("11884.90"));
        assertThat(total.amount().toPlainString()).isEqualTo("11884.90");
    }

    @ParameterizedTest(name = "cancelled={0} {1}/{2} -> {3}")
    @CsvSource(nullValues = "null", value = {
        "true, PAID, FULFILLED, CANCELLED",
        "true, REFUNDED, UNFULFILLED, CANCELLED",
        "false, REFUNDED, FULFILLED, REFUNDED",
        "false, PAID, FULFILLED, FULFILLED",
        "false, PARTIALLY_REFUNDED, FULFILLED, FULFILLED",
        "false, PAID, PARTIALLY_FULFILLED, PARTIALLY_FULFILLED",
        "false, PENDING, UNFULFILLED, PENDING",
        "false, AUTHORIZED, UNFULFILLED, PENDING",
        "false, PENDING, PARTIALLY_FULFILLED, PARTIALLY_FULFILLED",
        "false, PAID, UNFULFILLED, OPEN",
        "false, PARTIALLY_PAID, UNFULFILLED, OPEN",
        "false, VOIDED, UNFULFILLED, OPEN",
        "false, null, UNFULFILLED, OPEN",
        "false, PAID, ON_HOLD, OPEN"
    })
    void statusTable(boolean cancelled, String financial, String fulfillment, OrderStatus expected) {
        assertThat(ShopifyOrderMapper.status(cancelled, financial, fulfillment)).isEqualTo(expected);
    }

    @Test
    void cancelledAtWinsAndRawStatusKeepsTheVendorsWords() {
        Order order = mapper.toOrder(json(order("").replace("'cancelledAt':null", "'cancelledAt':'2026-06-23T10:00:00Z'")));
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.rawStatus()).isEqualTo("PAID/FULFILLED");
    }

    @Test
    void anAbsentFinancialStatusLeavesItsPartOfRawStatusEmpty() {
        Order order = mapper.toOrder(json(order("").replace("'displayFinancialStatus':'PAID'", "'displayFinancialStatus':null")));
        assertThat(order.rawStatus()).isEqualTo("/FULFILLED");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
        "PICK_UP, PICKUP", "RETAIL, IN_STORE", "SHIPPING, SHIPPING", "LOCAL, SHIPPING", "PICKUP_POINT, SHIPPING",
        "NONE, UNKNOWN", "null, UNKNOWN", "SOMETHING_NEW, UNKNOWN"
    })
    void deliveryMethodTable(String methodType, FulfillmentMethod expected) {
        assertThat(ShopifyOrderMapper.method(methodType)).isEqualTo(expected);
        assertThat(withFulfillmentOrders(fulfillmentOrder(methodType, "77")).fulfillmentMethod()).isEqualTo(expected);
    }

    @Test
    void aPickupOrderIsLocatedAtItsPickupLocation() {
        Order order = withFulfillmentOrders(fulfillmentOrder("PICK_UP", "113786487090"));
        assertThat(order.fulfillmentMethod()).isEqualTo(FulfillmentMethod.PICKUP);
        assertThat(order.locationId()).isEqualTo("113786487090");
    }

    @Test
    void aShippedOrderHasNoLocation() {
        Order order = withFulfillmentOrders(fulfillmentOrder("SHIPPING", "113786519858"));
        assertThat(order.fulfillmentMethod()).isEqualTo(FulfillmentMethod.SHIPPING);
        assertThat(order.locationId()).isNull();
    }

    @Test
    void whenFulfillmentOrdersDifferPickupWinsOverShipping() {
        Order order = withFulfillmentOrders(fulfillmentOrder("SHIPPING", "1"), fulfillmentOrder("PICK_UP", "2"));
        assertThat(order.fulfillmentMethod()).isEqualTo(FulfillmentMethod.PICKUP);
        assertThat(order.locationId()).isEqualTo("2");
    }

    @Test
    void aPosSaleWithoutFulfillmentOrdersIsInStoreAtItsRetailLocation() {
        Order order = mapper.toOrder(json(order("").replace("'retailLocation':null",
                "'retailLocation':{'id':'gid://shopify/Location/113786487090','legacyResourceId':'113786487090'}")));
        assertThat(order.fulfillmentMethod()).isEqualTo(FulfillmentMethod.IN_STORE);
        assertThat(order.locationId()).isEqualTo("113786487090");
    }

    @Test
    void noFulfillmentOrderAndNoRetailLocationIsUnknown() {
        assertThat(mapper.toOrder(json(order(""))).fulfillmentMethod()).isEqualTo(FulfillmentMethod.UNKNOWN);
    }

    @Test
    void extraLineItemsFetchedSeparatelyReplaceTheSelectedOnes() {
        List<tools.jackson.databind.JsonNode> lines = List.of(
                json("{'id':'gid://shopify/LineItem/1','sku':null,'title':'Gift wrap','name':'Gift wrap','quantity':1,"
                        + "'originalUnitPriceSet':{'shopMoney':{'amount':'5','currencyCode':'CAD'}}}"),
                json("{'id':'gid://shopify/LineItem/2','sku':'A','title':'','name':'A - Red','quantity':0,"
                        + "'originalUnitPriceSet':{'shopMoney':{'amount':'1.5','currencyCode':'CAD'}}}"));
        assertThat(mapper.toOrder(json(order("")), lines).lines()).containsExactly(
                new OrderLine("1", null, "Gift wrap", 1, Money.of("5.00", "CAD")),
                new OrderLine("2", "A", "A - Red", 0, Money.of("1.50", "CAD")));
    }

    @Test
    void ordersWithoutTheRequiredFieldsAreABadResponseNamingTheField() {
        assertThatThrownBy(() -> mapper.toOrder(json(order("").replace("'createdAt':'2026-06-22T22:34:00Z',", ""))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("gid://shopify/Order/8837991727410").contains("lacks createdAt")
                            .doesNotContain("ava.chen");
                });
        assertThatThrownBy(() -> mapper.toOrder(json("{'id':'gid://shopify/Order/1','createdAt':'2026-01-01T00:00:00Z'}")))
                .hasMessageContaining("lacks totalPriceSet");
        assertThatThrownBy(() -> mapper.toOrder(json(order("").replace("'currencyCode':'CAD'}", "'currencyCode':'XXXX'}"))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_RESPONSE));
        assertThatThrownBy(() -> mapper.toOrder(json(order("").replace("'createdAt':'2026-06-22T22:34:00Z'", "'createdAt':'yesterday'"))))
                .hasMessageContaining("createdAt is not an ISO-8601 date-time");
    }

    @Test
    void idFallsBackToTheGlobalIdWhenLegacyResourceIdIsNotSelected() {
        Order order = mapper.toOrder(json(order("").replace("'legacyResourceId':'8837991727410',", "")));
        assertThat(order.source().nativeId()).isEqualTo("8837991727410");
    }
}
