package dev.omnigate.simulator.amazon;

/** The SP-API operations the simulator serves, routed by method and path. */
enum AmazonSimOperation {
    SEARCH_ORDERS("searchOrders", "search-orders"),
    GET_ORDER("getOrder", "get-order"),
    GET_INVENTORY_SUMMARIES("getInventorySummaries", "get-inventory-summaries"),
    SEARCH_LISTINGS_ITEMS("searchListingsItems", "search-listings-items"),
    GET_MARKETPLACE_PARTICIPATIONS("getMarketplaceParticipations", "get-marketplace-participations");

    private final String operationId;
    private final String configPrefix;

    AmazonSimOperation(String operationId, String configPrefix) {
        this.operationId = operationId;
        this.configPrefix = configPrefix;
    }

    String operationId() {
        return operationId;
    }

    /** The prefix of the {@code amazon} connector's rate and burst keys for this operation. */
    String configPrefix() {
        return configPrefix;
    }

    static AmazonSimOperation route(String method, String path) {
        if (!method.equals("GET")) {
            return null;
        }
        if (path.equals("/orders/2026-01-01/orders")) {
            return SEARCH_ORDERS;
        }
        if (path.matches("/orders/2026-01-01/orders/[^/]+")) {
            return GET_ORDER;
        }
        if (path.equals("/fba/inventory/v1/summaries")) {
            return GET_INVENTORY_SUMMARIES;
        }
        if (path.matches("/listings/2021-08-01/items/[^/]+")) {
            return SEARCH_LISTINGS_ITEMS;
        }
        if (path.equals("/sellers/v1/marketplaceParticipations")) {
            return GET_MARKETPLACE_PARTICIPATIONS;
        }
        return null;
    }
}
