package dev.omnigate.simulator.zendesk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Zendesk Support REST endpoints the connector uses, answering like Zendesk (shapes from
 * {@code zendesk/support-api.oas.yaml}): {@code GET /api/v2/users/me}, {@code users/show_many} (≤ 100 ids,
 * {@code include=identities}), {@code users/search} (offset paging: {@code page}, {@code per_page} ≤ 100,
 * {@code next_page}; {@code email:}, {@code phone:} or free text; {@code include=identities}),
 * {@code tickets/show_many} (≤ 100 ids, {@code include=users}) and {@code search/export} ({@code filter[type]=ticket},
 * {@code requester:<id>} terms ORed, ordered by {@code created_at}, cursor paging with {@code page[size]} ≤ 1000,
 * {@code meta.has_more}, {@code meta.after_cursor}, {@code links.next}). Paths may end in {@code .json}.
 *
 * <p>Auth: {@code Authorization: Basic base64("{email}/token:{api_token}")} or {@code Bearer <oauth token>}; anything
 * else is 401 {@code {"error":"Couldn't authenticate you"}}. Every answer carries {@code X-Rate-Limit} and
 * {@code X-Rate-Limit-Remaining}; beyond the budget, 429 with {@code Retry-After}. Errors use Zendesk's classic
 * {@code {"error", "description"}} shape.
 */
final class ZendeskEndpoint implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ZendeskEndpoint.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern REQUESTER = Pattern.compile("(?:^|\\s)requester:(\\S+)");
    static final int MAX_IDS = 100;
    static final int MAX_PER_PAGE = 100;
    static final int MAX_EXPORT_PAGE = 1000;

    private final ZendeskDesk desk;
    private final byte[] basic;
    private final byte[] bearer;
    private final ZendeskRateLimit rateLimit;
    private final ZendeskCounters counters;

    ZendeskEndpoint(ZendeskDesk desk, String email, String apiToken, String oauthToken, ZendeskRateLimit rateLimit,
            ZendeskCounters counters) {
        this.desk = desk;
        this.basic = ("Basic " + Base64.getEncoder().encodeToString((email + "/token:" + apiToken).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
        this.bearer = ("Bearer " + oauthToken).getBytes(StandardCharsets.UTF_8);
        this.rateLimit = rateLimit;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        try {
            serve(exchange);
        } catch (BadRequest e) {
            respond(exchange, 400, error("InvalidValue", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("Zendesk simulator failed on request {}", requestId, e);
            respond(exchange, 500, error("InternalError", "Internal Server Error"));
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith(".json")) {
            path = path.substring(0, path.length() - ".json".length());
        }
        counters.count(path);
        if (!authenticated(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, MAPPER.createObjectNode().put("error", "Couldn't authenticate you"));
            return;
        }
        ZendeskRateLimit.Decision decision = rateLimit.take();
        exchange.getResponseHeaders().set("X-Rate-Limit", Long.toString(rateLimit.perMinute()));
        exchange.getResponseHeaders().set("X-Rate-Limit-Remaining", Long.toString(decision.remaining()));
        if (!decision.allowed()) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(decision.retryAfterSeconds()));
            respond(exchange, 429, error("APIRateLimitExceeded", "Number of allowed API requests per minute exceeded"));
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            respond(exchange, 405, error("MethodNotAllowed", "The sandbox serves reads only"));
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        ObjectNode answer = switch (path) {
            case "/api/v2/users/me" -> me();
            case "/api/v2/users/show_many" -> showManyUsers(query);
            case "/api/v2/users/search" -> searchUsers(query);
            case "/api/v2/tickets/show_many" -> showManyTickets(query);
            case "/api/v2/search/export" -> export(query);
            default -> null;
        };
        if (answer == null) {
            respond(exchange, 404, error("InvalidEndpoint", "Not found"));
            return;
        }
        respond(exchange, 200, answer);
    }

    private boolean authenticated(String header) {
        if (header == null) {
            return false;
        }
        byte[] given = header.trim().getBytes(StandardCharsets.UTF_8);
        // constant time: the simulator stands in for a real credential check
        return MessageDigest.isEqual(given, basic) | MessageDigest.isEqual(given, bearer);
    }

    private ObjectNode me() {
        ObjectNode answer = MAPPER.createObjectNode();
        ObjectNode user = answer.putObject("user");
        user.put("id", 1);
        user.put("name", "Omnigate Sandbox Agent");
        user.put("role", "admin");
        user.put("active", true);
        return answer;
    }

    private ObjectNode showManyUsers(Map<String, String> query) {
        List<String> ids = ids(query);
        boolean sideload = includes(query, "identities");
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode users = answer.putArray("users");
        ArrayNode identities = sideload ? answer.putArray("identities") : null;
        for (String id : ids) {
            ZendeskDesk.User user = desk.users().get(id);
            if (user != null) {
                users.add(user.json());
                if (sideload) {
                    user.identities().forEach(identities::add);
                }
            }
        }
        return answer;
    }

    private ObjectNode searchUsers(Map<String, String> query) {
        String term = query.getOrDefault("query", "").strip();
        if (term.isEmpty()) {
            throw new BadRequest("query is required");
        }
        int perPage = number(query, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        int page = number(query, "page", 1, 1, Integer.MAX_VALUE);
        List<ZendeskDesk.User> matches = desk.users().values().stream().filter(user -> matches(user, term)).toList();
        long from = (long) (page - 1) * perPage;
        List<ZendeskDesk.User> slice = from >= matches.size() ? List.of()
                : matches.subList((int) from, (int) Math.min(matches.size(), from + perPage));
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode users = answer.putArray("users");
        ArrayNode identities = includes(query, "identities") ? answer.putArray("identities") : null;
        for (ZendeskDesk.User user : slice) {
            users.add(user.json());
            if (identities != null) {
                user.identities().forEach(identities::add);
            }
        }
        String base = "https://" + desk.subdomain() + ".zendesk.com/api/v2/users/search.json?per_page=" + perPage + "&page=";
        if (from + perPage < matches.size()) {
            answer.put("next_page", base + (page + 1));
        } else {
            answer.putNull("next_page");
        }
        if (page > 1) {
            answer.put("previous_page", base + (page - 1));
        } else {
            answer.putNull("previous_page");
        }
        answer.put("count", matches.size());
        return answer;
    }

    /**
     * {@code email:<address>} matches any email identity (case-insensitive); {@code phone:<number>} matches the
     * user's phone or phone identities when their digits agree (a 10-digit number counts as North American, +1), the
     * way Zendesk finds a number however it was typed; anything else is a case-insensitive phrase in name or email.
     */
    private static boolean matches(ZendeskDesk.User user, String term) {
        if (term.startsWith("email:")) {
            return ZendeskDesk.holdsEmail(user, term.substring("email:".length()).replace("\"", ""));
        }
        if (term.startsWith("phone:")) {
            String wanted = digits(term.substring("phone:".length()));
            return !wanted.isEmpty() && user.identities().stream()
                    .filter(i -> "phone_number".equals(i.path("type").asString()))
                    .anyMatch(i -> digits(i.path("value").asString()).equals(wanted));
        }
        String phrase = term.replace("\"", "").strip().toLowerCase(Locale.ROOT);
        return user.json().path("name").asString("").toLowerCase(Locale.ROOT).contains(phrase)
                || user.emails().stream().anyMatch(e -> e.toLowerCase(Locale.ROOT).contains(phrase));
    }

    private static String digits(String number) {
        String digits = number.replaceAll("[^0-9]", "");
        return digits.length() == 10 ? "1" + digits : digits;
    }

    private ObjectNode showManyTickets(Map<String, String> query) {
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode tickets = answer.putArray("tickets");
        ArrayNode users = includes(query, "users") ? answer.putArray("users") : null;
        Set<String> sideloaded = new HashSet<>();
        for (String id : ids(query)) {
            ZendeskDesk.DeskTicket ticket = desk.tickets().get(id);
            if (ticket != null) {
                tickets.add(ticket.json());
                if (users != null && sideloaded.add(ticket.requesterId())) {
                    users.add(desk.users().get(ticket.requesterId()).json());
                }
            }
        }
        return answer;
    }

    private ObjectNode export(Map<String, String> query) {
        String type = query.get("filter[type]");
        if (type == null) {
            throw new BadRequest("filter[type] is required");
        }
        if (!type.equals("ticket")) {
            throw new BadRequest("the sandbox exports tickets only");
        }
        String term = query.getOrDefault("query", "");
        Set<String> requesters = new HashSet<>();
        Matcher matcher = REQUESTER.matcher(term);
        while (matcher.find()) {
            requesters.add(matcher.group(1));
        }
        if (requesters.isEmpty()) {
            throw new BadRequest("the sandbox searches tickets by requester:<user id> only");
        }
        int size = number(query, "page[size]", 100, 1, MAX_EXPORT_PAGE);
        int from = 0;
        String after = query.get("page[after]");
        if (after != null) {
            try {
                from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("page[after] is not a cursor this search handed out");
            }
        }
        List<ZendeskDesk.DeskTicket> all = desk.tickets().values().stream()
                .filter(t -> requesters.contains(t.requesterId()))
                .sorted(Comparator.comparing(ZendeskDesk.DeskTicket::createdAt))
                .toList();
        List<ZendeskDesk.DeskTicket> page = all.subList(Math.min(all.size(), from), Math.min(all.size(), from + size));
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode results = answer.putArray("results");
        page.forEach(t -> results.add(t.json().deepCopy().put("result_type", "ticket")));
        answer.putNull("facets");
        boolean more = from + size < all.size();
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Integer.toString(from + size).getBytes(StandardCharsets.UTF_8));
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
            links.put("next", "https://" + desk.subdomain() + ".zendesk.com/api/v2/search/export.json?filter%5Btype%5D=ticket"
                    + "&page%5Bafter%5D=" + cursor + "&page%5Bsize%5D=" + size);
        } else {
            links.putNull("next");
        }
        return answer;
    }

    private static List<String> ids(Map<String, String> query) {
        String raw = query.get("ids");
        if (raw == null || raw.isBlank()) {
            throw new BadRequest("ids is required");
        }
        List<String> ids = Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.size() > MAX_IDS) {
            throw new BadRequest("show_many accepts up to " + MAX_IDS + " ids");
        }
        return ids;
    }

    private static boolean includes(Map<String, String> query, String sideload) {
        return Arrays.stream(query.getOrDefault("include", "").split(",")).map(String::strip).anyMatch(sideload::equals);
    }

    private static int number(Map<String, String> query, String name, int absent, int min, int max) {
        String raw = query.get(name);
        if (raw == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest(name + " must be between " + min + " and " + max);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static ObjectNode error(String error, String description) {
        return MAPPER.createObjectNode().put("error", error).put("description", description);
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A request Zendesk would refuse with 400. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
