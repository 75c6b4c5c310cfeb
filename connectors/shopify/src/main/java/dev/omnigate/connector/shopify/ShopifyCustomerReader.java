package dev.omnigate.connector.shopify;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.shopify.mapping.ShopifyCustomerMapper;
import dev.omnigate.connector.shopify.mapping.ShopifyIds;
import dev.omnigate.connector.shopify.mapping.ShopifyJson;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
        List<String> gids = ids.stream().filter(ShopifyIds::isLegacyId).map(id -> ShopifyIds.gid("Customer", id)).toList();
        Map<String, Customer> found = new LinkedHashMap<>();
        for (List<String> batch : Batches.of(gids, MAX_BATCH)) {
            JsonNode nodes = client.execute(context, ShopifyQueries.CUSTOMERS_BY_IDS, Map.of("ids", batch)).data().path("nodes");
            for (JsonNode node : nodes) {
                if (ShopifyIds.type(ShopifyJson.string(node, "id")).filter("Customer"::equals).isPresent()) {
                    Customer customer = mapper.toCustomer(node);
                    if (ids.contains(customer.source().nativeId())) {
                        found.put(customer.source().nativeId(), customer);
                    }
                }
            }
        }
        return found;
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
        List<Customer> customers = ShopifyJson.nodes(connection).stream().map(mapper::toCustomer).toList();
        return new Page<>(customers, ShopifyJson.hasNextPage(connection) ? ShopifyJson.endCursor(connection) : null);
    }
}
