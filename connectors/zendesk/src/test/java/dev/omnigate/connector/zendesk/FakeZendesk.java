package dev.omnigate.connector.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import dev.omnigate.connector.testkit.ContractOperation;
import dev.omnigate.connector.testkit.StubServer;
import dev.omnigate.connector.testkit.VendorFailure;
import dev.omnigate.connector.testkit.VendorStubs;
import dev.omnigate.connector.toolkit.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small Zendesk account for the contract kit, answering like Zendesk Support. Record shapes follow the OAS
 * ({@code zendesk/support-api.oas.yaml}): users {@code UserForAdmin}, identities {@code UserIdentityObject}, tickets
 * {@code TicketObject} with {@code via} ({@code ViaObject}); envelopes {@code UsersResponse} (+ the
 * {@code identities} / {@code users} sideloads), {@code TicketsResponse}, offset paging of {@code SearchUsers}
 * ({@code next_page}) and the cursor envelope of {@code ExportSearchResults} ({@code SearchExportResponseExample}:
 * {@code results}, {@code meta.has_more}, {@code meta.after_cursor}, {@code links.next}). The export stub serves at
 * most {@link #EXPORT_PAGE_LIMIT} results per page whatever {@code page[size]} asks, so cursors are followed.
 * Failure bodies follow Zendesk's classic {@code {"error", "description"}} shape (OAS search description and the
 * rate-limit guide: 429 with {@code Retry-After}).
 */
final class FakeZendesk implements VendorStubs {

    static final String EMAIL = "agent@acme.example";
    static final String API_TOKEN = "zd-api-token-5c1e9a";
    static final String SIGNING_SECRET = "zd-signing-secret-77b04f";
    static final int EXPORT_PAGE_LIMIT = 2;
    static final Duration RETRY_AFTER = Duration.ofSeconds(7);

    static final String AVA = "381926450117";
    static final String BEN = "381926500000";
    static final String CHLOE = "381926507919";
    static final String DAN = "381926515838";
    static final String AMAZON_RELAY = "q4k8m2x7v1c9d3nb@marketplace.amazon.com";
    static final String TIKTOK_RELAY = "v2Ak9Qm3Lx7T@chat.seller.tiktok.com";

    private static final Pattern REQUESTER = Pattern.compile("requester:([0-9]+)");

    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> identities = new LinkedHashMap<>();
    private final Map<String, ObjectNode> tickets = new LinkedHashMap<>();

    FakeZendesk() {
        user(AVA, "Ava Chen", "ava.chen@example.com", "415.555.0142", "2026-03-12T22:40:55Z", "2026-10-26T16:02:11Z");
        identity(AVA, 9101, "email", "ava.chen@example.com", true);
        identity(AVA, 9102, "email", AMAZON_RELAY, false);
        identity(AVA, 9103, "email", TIKTOK_RELAY, false);
        identity(AVA, 9104, "phone_number", "415.555.0142", true);
        // Ben's answer carries no identities: the mapper must fall back to email / phone
        user(BEN, "Ben Chen", "ben.chen@example.org", null, "2025-01-02T10:00:00Z", "2025-01-02T10:00:00Z");
        user(CHLOE, "Chloe Chen-Park", "chloe@example.net", "+44 20 7946 0958", "2025-05-05T05:05:05Z", "2026-02-01T12:00:00Z");
        // the secondary identity comes first in Zendesk's list: the primary must still map first
        identity(CHLOE, 9301, "email", "CHLOE.WORK@Example.com", false);
        identity(CHLOE, 9302, "email", "chloe@example.net", true);
        identity(CHLOE, 9303, "twitter", "chloechenpark", false);
        user(DAN, "Dan Ortiz", "dan.ortiz@example.com", null, "2026-06-01T08:00:00Z", "2026-06-01T08:00:00Z");

        ticket("10001", AVA, "solved", "Wrong size on my TikTok Shop order 576800000000000001", "2026-03-12T22:40:55Z",
                "2026-03-14T18:05:30Z", "email", "ava.chen@example.com", "576800000000000001");
        ticket("10002", AVA, "open", "Amazon order 113-1234567-1234567 has not arrived", "2026-10-26T16:02:11Z",
                "2026-10-27T09:30:00Z", "email", AMAZON_RELAY, "113-1234567-1234567");
        ticket("10003", BEN, "hold", "Warranty question", "2026-01-05T09:00:00Z", "2026-01-06T09:00:00Z", "web", null, null);
        ticket("10004", CHLOE, "pending", "Gift card balance", "2026-02-01T11:00:00Z", "2026-02-01T12:00:00Z", "email",
                "CHLOE.WORK@Example.com", null);
    }

    private void user(String id, String name, String email, String phone, String createdAt, String updatedAt) {
        ObjectNode user = Json.mapper().createObjectNode();
        user.put("id", Long.parseLong(id));
        user.put("url", "https://acme.zendesk.com/api/v2/users/" + id + ".json");
        user.put("name", name);
        user.put("email", email);
        if (phone == null) {
            user.putNull("phone");
        } else {
            user.put("phone", phone);
        }
        user.put("role", "end-user");
        user.put("active", true);
        user.put("verified", true);
        user.put("created_at", createdAt);
        user.put("updated_at", updatedAt);
        user.putNull("external_id");
        users.put(id, user);
    }

    private void identity(String userId, long id, String type, String value, boolean primary) {
        ObjectNode identity = Json.mapper().createObjectNode();
        identity.put("id", id);
        identity.put("user_id", Long.parseLong(userId));
        identity.put("type", type);
        identity.put("value", value);
        identity.put("primary", primary);
        identity.put("verified", true);
        identity.put("created_at", "2026-03-12T22:40:55Z");
        identity.put("updated_at", "2026-03-12T22:40:55Z");
        identities.computeIfAbsent(userId, k -> new ArrayList<>()).add(identity);
    }

    private void ticket(String id, String requester, String status, String subject, String createdAt, String updatedAt,
            String channel, String from, String externalId) {
        ObjectNode ticket = Json.mapper().createObjectNode();
        ticket.put("id", Long.parseLong(id));
        ticket.put("url", "https://acme.zendesk.com/api/v2/tickets/" + id + ".json");
        ticket.put("requester_id", Long.parseLong(requester));
        ticket.put("submitter_id", Long.parseLong(requester));
        ticket.put("status", status);
        ticket.put("subject", subject);
        ticket.put("description", "...");
        ticket.put("created_at", createdAt);
        ticket.put("updated_at", updatedAt);
        if (externalId == null) {
            ticket.putNull("external_id");
        } else {
            ticket.put("external_id", externalId);
        }
        ObjectNode via = ticket.putObject("via");
        via.put("channel", channel);
        ObjectNode source = via.putObject("source");
        ObjectNode fromNode = source.putObject("from");
        if (from != null) {
            fromNode.put("address", from);
            fromNode.put("name", "Requester");
        }
        source.putObject("to").put("address", "support@acme.zendesk.com");
        source.putNull("rel");
        tickets.put(id, ticket);
    }

    // ------------------------------------------------------------------ happy path

    @Override
    public void registerHappyPath(StubServer server) {
        server.respond(get(urlPathEqualTo("/api/v2/users/show_many")), this::showManyUsers);
        server.respond(get(urlPathEqualTo("/api/v2/users/search")), this::searchUsers);
        server.respond(get(urlPathEqualTo("/api/v2/tickets/show_many")), this::showManyTickets);
        server.respond(get(urlPathEqualTo("/api/v2/search/export")), this::exportTickets);
        server.stubFor(get(urlPathEqualTo("/api/v2/users/me")).willReturn(json(200, me())));
    }

    private static String me() {
        // OAS CurrentUserResponseExample shape: { "user": { id, name, role, ... } }
        return "{\"user\":{\"id\":9001,\"name\":\"Omnigate API\",\"role\":\"agent\",\"active\":true}}";
    }

    ResponseDefinitionBuilder showManyUsers(Request request) {
        List<String> ids = ids(request, "ids");
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode found = answer.putArray("users");
        boolean sideload = param(request, "include").contains("identities");
        ArrayNode sideloaded = sideload ? answer.putArray("identities") : null;
        for (String id : ids) {
            ObjectNode user = users.get(id);
            if (user != null) {
                found.add(user);
                if (sideload) {
                    identities.getOrDefault(id, List.of()).forEach(sideloaded::add);
                }
            }
        }
        return json(200, answer.toString());
    }

    ResponseDefinitionBuilder searchUsers(Request request) {
        String query = param(request, "query");
        int perPage = Integer.parseInt(param(request, "per_page").isEmpty() ? "100" : param(request, "per_page"));
        int page = Integer.parseInt(param(request, "page").isEmpty() ? "1" : param(request, "page"));
        List<String> matches = users.keySet().stream().filter(id -> matches(id, query)).toList();
        List<String> slice = matches.subList(Math.min(matches.size(), (page - 1) * perPage),
                Math.min(matches.size(), page * perPage));
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode found = answer.putArray("users");
        ArrayNode sideloaded = answer.putArray("identities");
        for (String id : slice) {
            found.add(users.get(id));
            identities.getOrDefault(id, List.of()).forEach(sideloaded::add);
        }
        if (page * perPage < matches.size()) {
            answer.put("next_page", "https://acme.zendesk.com/api/v2/users/search.json?page=" + (page + 1));
        } else {
            answer.putNull("next_page");
        }
        answer.putNull("previous_page");
        answer.put("count", matches.size());
        return json(200, answer.toString());
    }

    private boolean matches(String userId, String query) {
        ObjectNode user = users.get(userId);
        if (query.startsWith("email:")) {
            String email = query.substring("email:".length());
            return email.equalsIgnoreCase(user.path("email").asString(""))
                    || identities.getOrDefault(userId, List.of()).stream()
                            .anyMatch(i -> "email".equals(i.path("type").asString()) && email.equalsIgnoreCase(i.path("value").asString()));
        }
        if (query.startsWith("phone:")) {
            return query.substring("phone:".length()).equals(user.path("phone").asString(""));
        }
        String phrase = query.replace("\"", "").strip().toLowerCase(Locale.ROOT);
        return user.path("name").asString("").toLowerCase(Locale.ROOT).contains(phrase)
                || user.path("email").asString("").toLowerCase(Locale.ROOT).contains(phrase);
    }

    ResponseDefinitionBuilder showManyTickets(Request request) {
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode found = answer.putArray("tickets");
        ArrayNode requesters = param(request, "include").contains("users") ? answer.putArray("users") : null;
        for (String id : ids(request, "ids")) {
            ObjectNode ticket = tickets.get(id);
            if (ticket != null) {
                found.add(ticket);
                if (requesters != null) {
                    requesters.add(users.get(ticket.path("requester_id").asString()));
                }
            }
        }
        return json(200, answer.toString());
    }

    ResponseDefinitionBuilder exportTickets(Request request) {
        if (!"ticket".equals(param(request, "filter[type]"))) {
            return json(400, "{\"error\":\"invalid\",\"description\":\"filter[type] is required\"}");
        }
        Set<String> requesters = new java.util.HashSet<>();
        Matcher matcher = REQUESTER.matcher(param(request, "query"));
        while (matcher.find()) {
            requesters.add(matcher.group(1));
        }
        // the export is ordered by created_at only (OAS ExportSearchResults)
        List<ObjectNode> all = tickets.values().stream()
                .filter(t -> requesters.contains(t.path("requester_id").asString()))
                .sorted(Comparator.comparing((ObjectNode t) -> t.path("created_at").asString()))
                .toList();
        int size = Math.min(EXPORT_PAGE_LIMIT, Integer.parseInt(param(request, "page[size]").isEmpty() ? "100"
                : param(request, "page[size]")));
        String after = param(request, "page[after]");
        int from = after.isEmpty() ? 0 : Integer.parseInt(new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8));
        List<ObjectNode> page = all.subList(Math.min(all.size(), from), Math.min(all.size(), from + size));
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode results = answer.putArray("results");
        page.forEach(ticket -> results.add(ticket.deepCopy().put("result_type", "ticket")));
        answer.putNull("facets");
        boolean more = from + size < all.size();
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(from + size).getBytes(StandardCharsets.UTF_8));
        ObjectNode meta = answer.putObject("meta");
        meta.put("has_more", more);
        if (more) {
            meta.put("after_cursor", cursor);
        } else {
            meta.putNull("after_cursor");
        }
        meta.putNull("before_cursor");
        ObjectNode links = answer.putObject("links");
        links.putNull("prev");
        if (more) {
            links.put("next", "https://acme.zendesk.com/api/v2/search/export.json?page%5Bafter%5D=" + cursor);
        } else {
            links.putNull("next");
        }
        return json(200, answer.toString());
    }

    private static List<String> ids(Request request, String name) {
        String value = param(request, name);
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    private static String param(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter == null || !parameter.isPresent() ? "" : parameter.firstValue();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-Rate-Limit", "700")
                .withHeader("X-Rate-Limit-Remaining", "699")
                .withBody(body);
    }

    // ------------------------------------------------------------------ failures

    @Override
    public void registerFailure(StubServer server, ContractOperation operation, VendorFailure failure) {
        for (String path : paths(operation)) {
            MappingBuilder mapping = get(urlPathEqualTo(path));
            switch (failure) {
                // Zendesk's 401 for a wrong token (classic error shape)
                case UNAUTHENTICATED -> server.stubFor(mapping.willReturn(json(401, "{\"error\":\"Couldn't authenticate you\"}")));
                case PERMISSION_DENIED -> server.stubFor(mapping.willReturn(json(403,
                        "{\"error\":\"Forbidden\",\"description\":\"You do not have access to this page.\"}")));
                // developer.zendesk.com rate limits: HTTP 429 with Retry-After seconds
                case RATE_LIMITED -> server.stubFor(mapping.willReturn(json(429,
                        "{\"error\":\"APIRateLimitExceeded\",\"description\":\"Number of allowed API requests per minute exceeded\"}")
                        .withHeader("Retry-After", Long.toString(RETRY_AFTER.toSeconds()))
                        .withHeader("X-Rate-Limit-Remaining", "0")));
                // the OAS ListSearchResults description's example error
                case UNAVAILABLE -> server.stubFor(mapping.willReturn(json(503,
                        "{\"error\":\"unavailable\",\"description\":\"Sorry, we could not complete your search query. Please try again in a moment.\"}")));
                case MALFORMED_RESPONSE -> server.stubFor(mapping.willReturn(json(200, "{\"users\": [{\"id\": 1, \"name\": ")));
                case SLOW -> {
                    if (operation == ContractOperation.HEALTH) {
                        server.stubFor(mapping.willReturn(json(200, me()).withFixedDelay((int) VendorFailure.SLOW_DELAY.toMillis())));
                    } else {
                        server.respond(mapping, request -> slow(operation, request));
                    }
                }
            }
        }
    }

    private ResponseDefinitionBuilder slow(ContractOperation operation, Request request) {
        ResponseDefinitionBuilder answer = switch (operation) {
            case CUSTOMERS_BY_IDS -> showManyUsers(request);
            case CUSTOMERS_SEARCH -> searchUsers(request);
            case TICKETS_BY_IDS -> showManyTickets(request);
            default -> exportTickets(request);
        };
        return answer.withFixedDelay((int) VendorFailure.SLOW_DELAY.toMillis());
    }

    private static List<String> paths(ContractOperation operation) {
        return switch (operation) {
            case CUSTOMERS_BY_IDS -> List.of("/api/v2/users/show_many");
            case CUSTOMERS_SEARCH -> List.of("/api/v2/users/search");
            case TICKETS_BY_IDS -> List.of("/api/v2/tickets/show_many");
            case TICKETS_BY_REQUESTER -> List.of("/api/v2/search/export");
            case HEALTH -> List.of("/api/v2/users/me");
            default -> throw new IllegalArgumentException("the Zendesk connector does not make " + operation);
        };
    }

    @Override
    public Duration expectedRetryAfter() {
        return RETRY_AFTER;
    }

    @Override
    public Map<String, String> requiredRequestHeaders() {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (EMAIL + "/token:" + API_TOKEN).getBytes(StandardCharsets.UTF_8)), "Accept", "application/json");
    }

    /** The user records this fake serves, for tests that read them. */
    JsonNode user(String id) {
        return users.get(id);
    }
}
