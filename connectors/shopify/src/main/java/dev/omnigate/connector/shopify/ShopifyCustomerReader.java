package dev.omnigate.connector.shopify;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.shopify.mapping.ShopifyCustomerMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Customers through {@code nodes(ids:)} (one call per batch) and {@code customers(query:)}.
 *
 * <p>Search: email → {@code email:"..."}, phone → {@code phone:"..."}, text → a quoted free-text term
 * (Shopify matches it against name and email); results come most recently updated first.
 */
final class ShopifyCustomerReader implements CustomerReader {

    /** Ids per {@code nodes} call; each customer costs 2 points (object + default address). */
    static final int MAX_BATCH = 50;
    /** Largest search page asked for (2 + 50 × 2 points). */
    static final int MAX_PAGE = 50;

    private final ShopifyClient client;
    private final ShopifyCustomerMapper mapper;

    ShopifyCustomerReader(ShopifyClient client, ShopifyCustomerMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH;
    }

    @Override
    public Map<String, Customer> getByIds(CallContext context, Set<String> ids) {
        return ShopifyConnections.byIds(client, context, ShopifyQueries.CUSTOMERS_BY_IDS, "Customer", ids, MAX_BATCH,
                mapper::toCustomer, customer -> customer.source().nativeId());
    }

    @Override
    public Page<Customer> search(CallContext context, CustomerQuery query, PageRequest page) {
        String search;
        if (query.email() != null) {
            search = ShopifySearch.term("email", query.email());
        } else if (query.phone() != null) {
            search = ShopifySearch.term("phone", query.phone());
        } else {
            search = ShopifySearch.quoted(query.text());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", Math.min(page.size(), MAX_PAGE));
        variables.put("after", page.cursor());
        variables.put("query", search);
        JsonNode connection = client.execute(context, ShopifyQueries.CUSTOMER_SEARCH, variables).data().path("customers");
        return ShopifyConnections.page(connection, mapper::toCustomer);
    }
}
