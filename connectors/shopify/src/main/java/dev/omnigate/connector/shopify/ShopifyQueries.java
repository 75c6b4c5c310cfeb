package dev.omnigate.connector.shopify;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Every GraphQL document the connector sends. Documents are constants with variables; user input never
 * enters a document, and reaches Shopify's search syntax only through {@link ShopifySearch}.
 *
 * <p>Every field used exists with the same type in the official 2025-01 introspection, the 2026-04 SDL
 * and the sandbox simulator's SDL; {@code ShopifyQueriesSchemaTest} validates each document against all
 * three. Requested costs (scalars 0, objects 1, connections 2 + first × node) stay under Shopify's
 * 1000-point single-query limit for the batch sizes the readers use; the same test checks it.
 */
public final class ShopifyQueries {

    /** A named operation and its full text (operation plus the fragments it uses). */
    public record Document(String operationName, String text) {
        public Document {
            requireNonNull(operationName, "operationName is null");
            requireNonNull(text, "text is null");
        }
    }

    private static final String PAGE_INFO = "pageInfo { hasNextPage endCursor }";

    static final String CUSTOMER_FIELDS = """
            fragment ShopifyCustomerFields on Customer {
              id
              legacyResourceId
              firstName
              lastName
              displayName
              email
              phone
              defaultAddress { address1 address2 city province provinceCode zip country countryCodeV2 }
              createdAt
              updatedAt
            }
            """;

    static final String LINE_ITEM_FIELDS = """
            fragment ShopifyLineItemFields on LineItem {
              id
              sku
              title
              name
              quantity
              originalUnitPriceSet { shopMoney { amount currencyCode } }
            }
            """;

    /** Lines selected with an order; larger orders get the rest through {@link #ORDER_LINES}. */
    public static final int LINES_PER_ORDER = 10;

    /** Fulfilment orders selected with an order (an order rarely has more than two). */
    public static final int FULFILLMENT_ORDERS_PER_ORDER = 3;

    static final String ORDER_FIELDS = """
            fragment ShopifyOrderFields on Order {
              id
              legacyResourceId
              name
              email
              createdAt
              updatedAt
              cancelledAt
              displayFinancialStatus
              displayFulfillmentStatus
              customer { id legacyResourceId }
              totalPriceSet { shopMoney { amount currencyCode } }
              retailLocation { id legacyResourceId }
              lineItems(first: %d) { nodes { ...ShopifyLineItemFields } %s }
              fulfillmentOrders(first: %d) {
                nodes { id status deliveryMethod { methodType } assignedLocation { location { id legacyResourceId } } }
              }
            }
            """.formatted(LINES_PER_ORDER, PAGE_INFO, FULFILLMENT_ORDERS_PER_ORDER) + LINE_ITEM_FIELDS;

    /** Levels selected with an inventory item; more locations are fetched through {@link #INVENTORY_LEVELS}. */
    public static final int LEVELS_PER_ITEM = 10;

    static final String INVENTORY_LEVEL_FIELDS = """
            fragment ShopifyInventoryLevelFields on InventoryLevel {
              id
              updatedAt
              location { id legacyResourceId }
              quantities(names: ["available", "committed", "on_hand", "incoming"]) { name quantity }
            }
            """;

    static final String PRICE_FIELDS = """
            fragment ShopifyPriceFields on ProductVariant {
              id
              legacyResourceId
              sku
              title
              displayName
              price
              compareAtPrice
              product { id title }
            }
            """;

    static final String LOCATION_FIELDS = """
            fragment ShopifyLocationFields on Location {
              id
              legacyResourceId
              name
              isActive
              fulfillsOnlineOrders
              shipsInventory
              localPickupSettingsV2 { pickupTime instructions }
              address { address1 address2 city province provinceCode zip country countryCode latitude longitude }
            }
            """;

    public static final Document CUSTOMERS_BY_IDS = new Document("ShopifyCustomersByIds", """
            query ShopifyCustomersByIds($ids: [ID!]!) {
              nodes(ids: $ids) { ... on Customer { ...ShopifyCustomerFields } }
            }
            """ + CUSTOMER_FIELDS);

    public static final Document CUSTOMER_SEARCH = new Document("ShopifyCustomerSearch", """
            query ShopifyCustomerSearch($first: Int!, $after: String, $query: String!) {
              customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT, reverse: true) {
                nodes { ...ShopifyCustomerFields }
                %s
              }
            }
            """.formatted(PAGE_INFO) + CUSTOMER_FIELDS);

    public static final Document ORDERS_BY_IDS = new Document("ShopifyOrdersByIds", """
            query ShopifyOrdersByIds($ids: [ID!]!) {
              nodes(ids: $ids) { ... on Order { ...ShopifyOrderFields } }
            }
            """ + ORDER_FIELDS);

    public static final Document ORDER_SEARCH = new Document("ShopifyOrderSearch", """
            query ShopifyOrderSearch($first: Int!, $after: String, $query: String) {
              orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
                nodes { ...ShopifyOrderFields }
                %s
              }
            }
            """.formatted(PAGE_INFO) + ORDER_FIELDS);

    /** First page of "orders of these customers", with which of the customers exist, in one call. */
    public static final Document ORDERS_BY_CUSTOMERS = new Document("ShopifyOrdersByCustomers", """
            query ShopifyOrdersByCustomers($customerIds: [ID!]!, $first: Int!, $query: String!) {
              customers: nodes(ids: $customerIds) { ... on Customer { id legacyResourceId } }
              orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) {
                nodes { ...ShopifyOrderFields }
                %s
              }
            }
            """.formatted(PAGE_INFO) + ORDER_FIELDS);

    /** Lines of an order beyond the first {@link #LINES_PER_ORDER}. */
    public static final Document ORDER_LINES = new Document("ShopifyOrderLines", """
            query ShopifyOrderLines($ids: [ID!]!, $after: String) {
              nodes(ids: $ids) {
                ... on Order { id lineItems(first: 50, after: $after) { nodes { ...ShopifyLineItemFields } %s } }
              }
            }
            """.formatted(PAGE_INFO) + LINE_ITEM_FIELDS);

    public static final Document INVENTORY_BY_SKUS = new Document("ShopifyInventoryBySkus", """
            query ShopifyInventoryBySkus($first: Int!, $after: String, $query: String!) {
              productVariants(first: $first, after: $after, query: $query) {
                nodes {
                  id
                  legacyResourceId
                  sku
                  inventoryItem {
                    id
                    sku
                    inventoryLevels(first: %d) { nodes { ...ShopifyInventoryLevelFields } %s }
                  }
                }
                %s
              }
            }
            """.formatted(LEVELS_PER_ITEM, PAGE_INFO, PAGE_INFO) + INVENTORY_LEVEL_FIELDS);

    /** Levels of an inventory item beyond the first {@link #LEVELS_PER_ITEM}. */
    public static final Document INVENTORY_LEVELS = new Document("ShopifyInventoryLevels", """
            query ShopifyInventoryLevels($ids: [ID!]!, $after: String) {
              nodes(ids: $ids) {
                ... on InventoryItem { id inventoryLevels(first: 50, after: $after) { nodes { ...ShopifyInventoryLevelFields } %s } }
              }
            }
            """.formatted(PAGE_INFO) + INVENTORY_LEVEL_FIELDS);

    public static final Document PRICES_BY_SKUS = new Document("ShopifyPricesBySkus", """
            query ShopifyPricesBySkus($first: Int!, $after: String, $query: String!) {
              productVariants(first: $first, after: $after, query: $query) {
                nodes { ...ShopifyPriceFields }
                %s
              }
            }
            """.formatted(PAGE_INFO) + PRICE_FIELDS);

    /** As {@link #PRICES_BY_SKUS}, also reading the shop currency (sent until the currency is cached). */
    public static final Document PRICES_BY_SKUS_WITH_SHOP = new Document("ShopifyPricesBySkusWithShop", """
            query ShopifyPricesBySkusWithShop($first: Int!, $after: String, $query: String!) {
              shop { currencyCode }
              productVariants(first: $first, after: $after, query: $query) {
                nodes { ...ShopifyPriceFields }
                %s
              }
            }
            """.formatted(PAGE_INFO) + PRICE_FIELDS);

    public static final Document LOCATIONS = new Document("ShopifyLocations", """
            query ShopifyLocations($first: Int!, $after: String) {
              locations(first: $first, after: $after, includeInactive: true) {
                nodes { ...ShopifyLocationFields }
                %s
              }
            }
            """.formatted(PAGE_INFO) + LOCATION_FIELDS);

    public static final Document LOCATIONS_BY_IDS = new Document("ShopifyLocationsByIds", """
            query ShopifyLocationsByIds($ids: [ID!]!) {
              nodes(ids: $ids) { ... on Location { ...ShopifyLocationFields } }
            }
            """ + LOCATION_FIELDS);

    /** The health probe: the cheapest authenticated read there is. */
    public static final Document HEALTH = new Document("ShopifyHealth", """
            query ShopifyHealth {
              shop { name }
            }
            """);

    /** Every document the connector sends. */
    public static final List<Document> ALL = List.of(CUSTOMERS_BY_IDS, CUSTOMER_SEARCH, ORDERS_BY_IDS, ORDER_SEARCH,
            ORDERS_BY_CUSTOMERS, ORDER_LINES, INVENTORY_BY_SKUS, INVENTORY_LEVELS, PRICES_BY_SKUS, PRICES_BY_SKUS_WITH_SHOP,
            LOCATIONS, LOCATIONS_BY_IDS, HEALTH);

    private ShopifyQueries() {
    }
}
