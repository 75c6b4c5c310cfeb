package dev.omnigate.connector.zendesk;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.TicketReader;
import dev.omnigate.connector.toolkit.paging.Batches;
import dev.omnigate.connector.toolkit.paging.Paging;
import dev.omnigate.connector.zendesk.mapping.ZendeskJson;
import dev.omnigate.connector.zendesk.mapping.ZendeskTicketMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * Tickets by id and by requester.
 *
 * <ul>
 *   <li>{@link #getByIds}: {@code GET /api/v2/tickets/show_many?ids=...&include=users} (OAS {@code TicketsShowMany},
 *       up to 100 tickets): one call per batch; the sideloaded requesters give the fallback requester email.</li>
 *   <li>{@link #getByRequesterIds}: {@code GET /api/v2/search/export?filter[type]=ticket&query=requester:1
 *       requester:2 ...&page[size]=100} (OAS {@code ExportSearchResults}, cursor pagination: {@code meta.has_more},
 *       {@code meta.after_cursor} → {@code page[after]}); one call per 100 tickets of the batch. Zendesk's search
 *       ORs repeated values of one keyword. Only when some requester has no ticket in the answer does one
 *       {@code GET /api/v2/users/show_many?ids=...} follow, to tell users without tickets (empty list) from
 *       unknown users (absent). So a batch of requesters costs 1 call (+1 page per further 100 tickets, +1 when a
 *       requester has none). The export endpoint is limited to 100 requests per minute per account.</li>
 * </ul>
 *
 * <p>The {@code users/{id}/tickets/requested} endpoint the issue mentions is not in the OAS and costs one call per
 * user; the export search covers a whole batch. Tickets of a requester come newest first (created_at, then id).
 */
final class ZendeskTicketReader implements TicketReader {

    /** Ids per call: {@code tickets/show_many} takes up to 100, and a search query of 100 requesters stays short. */
    static final int MAX_BATCH = 100;
    /** Export page size: Zendesk recommends 100 (1000 is the maximum). */
    static final int EXPORT_PAGE_SIZE = 100;
    /** Guard against endless paging: 50 pages of 100 tickets for one batch of requesters. */
    static final int MAX_PAGES = 50;

    private static final Comparator<Ticket> NEWEST_FIRST = Comparator.comparing(Ticket::createdAt)
            .thenComparing(ticket -> ticket.source().nativeId(), Comparator.comparingInt(String::length)
                    .thenComparing(Comparator.naturalOrder()))
            .reversed();

    private final ZendeskConfig config;
    private final ZendeskClient client;
    private final ZendeskTicketMapper mapper;

    ZendeskTicketReader(ZendeskConfig config, ZendeskClient client, ZendeskTicketMapper mapper) {
        this.config = config;
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH;
    }

    @Override
    public Map<String, Ticket> getByIds(CallContext context, Set<String> ids) {
        List<String> valid = ids.stream().filter(ZendeskJson::isId).distinct().toList();
        Map<String, Ticket> found = new LinkedHashMap<>();
        for (List<String> chunk : Batches.of(valid, MAX_BATCH)) {
            HttpUrl url = config.api("tickets", "show_many")
                    .addQueryParameter("ids", String.join(",", chunk))
                    .addQueryParameter("include", "users")
                    .build();
            JsonNode answer = client.get(context, "zendesk tickets.show_many", url);
            Map<String, String> emails = primaryEmails(answer);
            for (JsonNode node : array(answer, "tickets", "zendesk tickets.show_many")) {
                Ticket ticket = mapper.toTicket(node, emails);
                if (chunk.contains(ticket.source().nativeId())) {
                    found.put(ticket.source().nativeId(), ticket);
                }
            }
        }
        return found;
    }

    @Override
    public Map<String, List<Ticket>> getByRequesterIds(CallContext context, Set<String> requesterIds) {
        List<String> valid = requesterIds.stream().filter(ZendeskJson::isId).distinct().toList();
        Map<String, List<Ticket>> byRequester = new LinkedHashMap<>();
        for (List<String> chunk : Batches.of(valid, MAX_BATCH)) {
            String query = chunk.stream().map(id -> "requester:" + id).collect(Collectors.joining(" "));
            List<Ticket> tickets = Paging.collectAll(context, "zendesk search.export", MAX_PAGES,
                    cursor -> exportPage(context, query, cursor));
            Map<String, List<Ticket>> grouped = new HashMap<>();
            for (Ticket ticket : tickets) {
                if (ticket.requesterId() != null && chunk.contains(ticket.requesterId())) {
                    grouped.computeIfAbsent(ticket.requesterId(), k -> new ArrayList<>()).add(ticket);
                }
            }
            List<String> withoutTickets = chunk.stream().filter(id -> !grouped.containsKey(id)).toList();
            Set<String> knownWithoutTickets = withoutTickets.isEmpty() ? Set.of() : existingUsers(context, withoutTickets);
            for (String id : chunk) {
                List<Ticket> theirs = grouped.get(id);
                if (theirs != null) {
                    theirs.sort(NEWEST_FIRST);
                    byRequester.put(id, List.copyOf(theirs));
                } else if (knownWithoutTickets.contains(id)) {
                    byRequester.put(id, List.of());
                }
            }
        }
        return byRequester;
    }

    private Page<Ticket> exportPage(CallContext context, String query, String cursor) {
        HttpUrl.Builder url = config.api("search", "export")
                .addQueryParameter("query", query)
                .addQueryParameter("filter[type]", "ticket")
                .addQueryParameter("page[size]", Integer.toString(EXPORT_PAGE_SIZE));
        if (cursor != null) {
            url.addQueryParameter("page[after]", cursor);
        }
        JsonNode answer = client.get(context, "zendesk search.export", url.build());
        List<Ticket> tickets = new ArrayList<>();
        for (JsonNode node : array(answer, "results", "zendesk search.export")) {
            // the export holds only the requested type; skip anything else defensively
            String type = ZendeskJson.string(node, "result_type");
            if (type == null || type.equals("ticket")) {
                tickets.add(mapper.toTicket(node, Map.of()));
            }
        }
        JsonNode meta = answer.path("meta");
        boolean hasMore = meta.path("has_more").asBoolean(false);
        String after = ZendeskJson.string(meta, "after_cursor");
        if (hasMore && after == null) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                    "zendesk search.export: meta.has_more without meta.after_cursor");
        }
        return new Page<>(tickets, hasMore ? after : null);
    }

    private Set<String> existingUsers(CallContext context, List<String> ids) {
        HttpUrl url = config.api("users", "show_many").addQueryParameter("ids", String.join(",", ids)).build();
        JsonNode answer = client.get(context, "zendesk users.show_many", url);
        Set<String> existing = new java.util.HashSet<>();
        for (JsonNode user : array(answer, "users", "zendesk users.show_many")) {
            String id = ZendeskJson.string(user, "id");
            if (id != null) {
                existing.add(id);
            }
        }
        return existing;
    }

    /** Sideloaded users' primary emails by user id (empty when the answer has no {@code users}). */
    private static Map<String, String> primaryEmails(JsonNode answer) {
        Map<String, String> emails = new HashMap<>();
        JsonNode users = answer.get("users");
        if (users != null && users.isArray()) {
            for (JsonNode user : users) {
                String id = ZendeskJson.string(user, "id");
                String email = ZendeskJson.string(user, "email");
                if (id != null && email != null) {
                    emails.put(id, email);
                }
            }
        }
        return emails;
    }

    private static JsonNode array(JsonNode answer, String field, String operation) {
        JsonNode array = answer.get(field);
        if (array == null || !array.isArray()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, operation + ": answer has no " + field + " array");
        }
        return array;
    }
}
