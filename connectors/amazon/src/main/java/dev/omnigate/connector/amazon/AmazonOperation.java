package dev.omnigate.connector.amazon;

import java.math.BigDecimal;

/**
 * The SP-API operations this connector calls, each with the default usage plan its model documents
 * (rate in requests per second, burst = bucket size). An account's own plan may be higher: the rates are
 * configurable per operation ({@link AmazonConfig}).
 */
enum AmazonOperation {
    /** {@code GET /orders/2026-01-01/orders} (orders_2026-01-01.json, searchOrders: 0.0056/s, burst 20). */
    SEARCH_ORDERS("searchOrders", "search-orders", "0.0056", 20),
    /** {@code GET /orders/2026-01-01/orders/{orderId}} (orders_2026-01-01.json, getOrder: 0.5/s, burst 30). */
    GET_ORDER("getOrder", "get-order", "0.5", 30),
    /** {@code GET /fba/inventory/v1/summaries} (fbaInventory.json, getInventorySummaries: 2/s, burst 2). */
    GET_INVENTORY_SUMMARIES("getInventorySummaries", "get-inventory-summaries", "2", 2),
    /** {@code GET /listings/2021-08-01/items/{sellerId}} (listingsItems_2021-08-01.json, searchListingsItems: 5/s, burst 5). */
    SEARCH_LISTINGS_ITEMS("searchListingsItems", "search-listings-items", "5", 5),
    /** {@code GET /sellers/v1/marketplaceParticipations} (sellers.json, getMarketplaceParticipations: 0.016/s, burst 15). */
    GET_MARKETPLACE_PARTICIPATIONS("getMarketplaceParticipations", "get-marketplace-participations", "0.016", 15);

    private final String operationId;
    private final String configPrefix;
    private final BigDecimal defaultRate;
    private final int defaultBurst;

    AmazonOperation(String operationId, String configPrefix, String defaultRate, int defaultBurst) {
        this.operationId = operationId;
        this.configPrefix = configPrefix;
        this.defaultRate = new BigDecimal(defaultRate);
        this.defaultBurst = defaultBurst;
    }

    /** The model's operationId, used in error messages ({@code amazon searchOrders: HTTP 429 ...}). */
    String operationId() {
        return operationId;
    }

    String rateKey() {
        return configPrefix + "-rate";
    }

    String burstKey() {
        return configPrefix + "-burst";
    }

    BigDecimal defaultRate() {
        return defaultRate;
    }

    int defaultBurst() {
        return defaultBurst;
    }
}
