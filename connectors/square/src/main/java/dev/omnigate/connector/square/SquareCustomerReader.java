package dev.omnigate.connector.square;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.square.mapping.SquareCustomerMapper;
import dev.omnigate.connector.square.mapping.SquareJson;
import dev.omnigate.connector.toolkit.paging.Batches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Customers through {@code POST /v2/customers/bulk-retrieve} (one call per {@value #MAX_BATCH} ids) and
 * {@code POST /v2/customers/search}.
 *
 * <p>Bulk retrieve answers 200 with one entry per id in {@code responses}: a {@code customer}, or {@code errors}
 * ({@code NOT_FOUND} → absent; any other per-item error → left out and reported as described in
 * {@link PartialResults}). Search: email → {@code filter.email_address.exact} (Square compares case-insensitively),
 * phone (E.164) → {@code filter.phone_number.exact} (Square converts stored numbers to E.164 before comparing),
 * free text → {@code filter.email_address.fuzzy} (Square's only free-text customer filter; it has none on names).
 * Results come in Square's default order (by name), {@value #MAX_PAGE} per page at most.
 */
final class SquareCustomerReader implements CustomerReader {

    /** Ids per bulk-retrieve call. */
    static final int MAX_BATCH = 100;
    /** Largest search page ({@code SearchCustomersRequest.limit}: 1 to 100). */
    static final int MAX_PAGE = 100;

    private final SquareClient client;
    private final SquareCustomerMapper mapper;

    SquareCustomerReader(SquareClient client, SquareCustomerMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH;
    }

    @Override
    public Map<String, Customer> getByIds(CallContext context, Set<String> ids) {
        Map<String, Customer> result = new LinkedHashMap<>();
        List<String> valid = ids.stream().filter(SquareIds::isSquareId).toList();
        for (List<String> batch : Batches.of(valid, MAX_BATCH)) {
            String operation = "customers.bulkRetrieve";
            JsonNode body = client.post(context, operation, "/v2/customers/bulk-retrieve", Map.of("customer_ids", batch))
                    .requireNoErrors("square " + operation);
            PartialResults partial = new PartialResults("square " + operation, context);
            JsonNode responses = body.path("responses");
            for (String id : batch) {
                JsonNode entry = responses.get(id);
                if (entry == null || !entry.isObject()) {
                    continue; // Square answers every id; an id it left out is treated as unknown
                }
                SquareError.of(entry).forEach(error -> partial.itemError(id, error));
                JsonNode customer = entry.get("customer");
                if (customer != null && customer.isObject()) {
                    partial.map(id, () -> mapper.toCustomer(customer)).ifPresent(found -> result.put(id, found));
                }
            }
            partial.finish();
        }
        return result;
    }

    @Override
    public Page<Customer> search(CallContext context, CustomerQuery query, PageRequest page) {
        Map<String, Object> filter = new LinkedHashMap<>();
        if (query.email() != null) {
            filter.put("email_address", Map.of("exact", query.email()));
        } else if (query.phone() != null) {
            filter.put("phone_number", Map.of("exact", query.phone()));
        } else {
            filter.put("email_address", Map.of("fuzzy", query.text()));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("limit", Math.min(page.size(), MAX_PAGE));
        if (page.cursor() != null) {
            request.put("cursor", page.cursor());
        }
        request.put("query", Map.of("filter", filter));
        String operation = "customers.search";
        JsonNode body = client.post(context, operation, "/v2/customers/search", request).requireNoErrors("square " + operation);
        PartialResults partial = new PartialResults("square " + operation);
        List<Customer> customers = new ArrayList<>();
        for (JsonNode customer : body.path("customers")) {
            partial.map(() -> mapper.toCustomer(customer)).ifPresent(customers::add);
        }
        partial.finish();
        return new Page<>(customers, SquareJson.string(body, "cursor"));
    }
}
