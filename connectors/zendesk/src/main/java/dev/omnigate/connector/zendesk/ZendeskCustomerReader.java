package dev.omnigate.connector.zendesk;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.toolkit.paging.Batches;
import dev.omnigate.connector.zendesk.mapping.ZendeskJson;
import dev.omnigate.connector.zendesk.mapping.ZendeskUserMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * Helpdesk users as customers, each with <em>every</em> email and phone identity in the same call.
 *
 * <ul>
 *   <li>{@link #getByIds}: {@code GET /api/v2/users/show_many?ids=1,2,...&include=identities} (OAS
 *       {@code ShowManyUsers}, at most 100 ids: one call per batch of 100). Malformed ids are absent without a
 *       call.</li>
 *   <li>{@link #search}: {@code GET /api/v2/users/search?query=...&include=identities&per_page=n&page=p} (OAS
 *       {@code SearchUsers}, offset pagination only): {@code email:<address>}, {@code phone:<e164>} or a quoted
 *       free-text term; one call per page, results in Zendesk's order. The cursor handed out is the next page
 *       number, present exactly while Zendesk answers a {@code next_page}.</li>
 * </ul>
 *
 * <p>The {@code identities} sideload on users endpoints is documented in Zendesk's side-loading guide (and
 * confirmed by Zendesk for {@code show_many}), not in the OAS itself; without it a user would cost one extra
 * {@code GET /api/v2/users/{id}/identities} call each. If an answer carries no {@code identities} array, the
 * user's {@code email} and {@code phone} fields are still mapped.
 */
final class ZendeskCustomerReader implements CustomerReader {

    /** Ids per {@code show_many} call (the OAS: "up to 100 user ids"). */
    static final int MAX_BATCH = 100;
    /** Largest search page Zendesk serves ({@code per_page} maximum). */
    static final int MAX_PAGE = 100;

    private final ZendeskConfig config;
    private final ZendeskClient client;
    private final ZendeskUserMapper mapper;

    ZendeskCustomerReader(ZendeskConfig config, ZendeskClient client, ZendeskUserMapper mapper) {
        this.config = config;
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH;
    }

    @Override
    public Map<String, Customer> getByIds(CallContext context, Set<String> ids) {
        List<String> valid = ids.stream().filter(ZendeskJson::isId).distinct().toList();
        Map<String, Customer> found = new LinkedHashMap<>();
        for (List<String> chunk : Batches.of(valid, MAX_BATCH)) {
            HttpUrl url = config.api("users", "show_many")
                    .addQueryParameter("ids", String.join(",", chunk))
                    .addQueryParameter("include", "identities")
                    .build();
            JsonNode answer = client.get(context, "zendesk users.show_many", url);
            for (Customer customer : users(answer, "zendesk users.show_many")) {
                if (chunk.contains(customer.source().nativeId())) {
                    found.put(customer.source().nativeId(), customer);
                }
            }
        }
        return found;
    }

    @Override
    public Page<Customer> search(CallContext context, CustomerQuery query, PageRequest page) {
        int pageNumber = pageNumber(page.cursor());
        HttpUrl url = config.api("users", "search")
                .addQueryParameter("query", searchTerm(query))
                .addQueryParameter("include", "identities")
                .addQueryParameter("per_page", Integer.toString(Math.min(page.size(), MAX_PAGE)))
                .addQueryParameter("page", Integer.toString(pageNumber))
                .build();
        JsonNode answer = client.get(context, "zendesk users.search", url);
        List<Customer> customers = users(answer, "zendesk users.search");
        JsonNode next = answer.get("next_page");
        boolean hasNext = next != null && !next.isNull() && !next.asString("").isBlank() && !customers.isEmpty();
        return new Page<>(customers, hasNext ? Integer.toString(pageNumber + 1) : null);
    }

    /** The Zendesk search term: {@code email:...}, {@code phone:...} or a quoted phrase. */
    static String searchTerm(CustomerQuery query) {
        if (query.email() != null) {
            return "email:" + withoutSpaces(query.email(), "email");
        }
        if (query.phone() != null) {
            return "phone:" + withoutSpaces(query.phone(), "phone");
        }
        // a quote inside the phrase would end it early: drop quotes, keep the words
        return "\"" + query.text().replace("\"", " ").strip() + "\"";
    }

    private static String withoutSpaces(String value, String what) {
        String stripped = value.strip();
        if (stripped.isEmpty() || stripped.chars().anyMatch(Character::isWhitespace)) {
            throw ConnectorException.of(ErrorCategory.BAD_REQUEST, "zendesk users.search: the " + what
                    + " must be one word without spaces (the host passes normalised values)");
        }
        return stripped;
    }

    private static int pageNumber(String cursor) {
        if (cursor == null) {
            return 1;
        }
        try {
            int number = Integer.parseInt(cursor);
            if (number >= 2) {
                return number;
            }
        } catch (NumberFormatException e) {
            // fall through: not a cursor this reader handed out
        }
        throw ConnectorException.of(ErrorCategory.BAD_REQUEST, "zendesk users.search: malformed page cursor");
    }

    private List<Customer> users(JsonNode answer, String operation) {
        JsonNode users = answer.get("users");
        if (users == null || !users.isArray()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, operation + ": answer has no users array");
        }
        Map<String, List<JsonNode>> identities = ZendeskUserMapper.identitiesByUser(answer);
        List<Customer> customers = new ArrayList<>();
        for (JsonNode user : users) {
            String id = ZendeskJson.string(user, "id");
            customers.add(mapper.toCustomer(user, identities.getOrDefault(id, List.of())));
        }
        return customers;
    }
}
