package dev.omnigate.connector.zendesk.mapping;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.model.TicketStatus;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.identity.MarketplaceRelays;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk ticket (OAS {@code TicketObject}) → SPI {@link Ticket}. Pure; thread-safe.
 *
 * <ul>
 *   <li>{@code status}: {@code new, open, pending, hold, solved, closed} (the OAS enum) → the SPI state
 *       ({@code hold} → {@code ON_HOLD}); anything else (a custom status category Zendesk adds later) →
 *       {@code UNKNOWN}; the raw value is kept as {@code rawStatus}.</li>
 *   <li>{@code requesterEmail}: the address the ticket was sent from, {@code via.source.from.address} (OAS
 *       {@code ViaObject}); when the ticket carries none (web form, API), the requester's primary {@code email}
 *       from a sideloaded {@code users} array when the answer has one; else null. Classified with
 *       {@link MarketplaceRelays#classify}.</li>
 *   <li>{@code externalId}: {@code external_id} (the link to a record in another system: for a ticket about a
 *       marketplace order, that order's id), blank → null.</li>
 * </ul>
 */
public final class ZendeskTicketMapper {

    private final SourceRefs refs;

    public ZendeskTicketMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    /**
     * @param ticket one element of {@code tickets} or of a search export's {@code results}
     * @param primaryEmailByUser user id → primary email of sideloaded users (may be empty)
     * @throws dev.omnigate.connector.api.error.ConnectorException BAD_RESPONSE when id, status or created_at is
     *     missing or malformed
     */
    public Ticket toTicket(JsonNode ticket, Map<String, String> primaryEmailByUser) {
        String what = ZendeskJson.label("ticket", ticket);
        String id = ZendeskJson.id(ticket, what);
        String rawStatus = ZendeskJson.string(ticket, "status");
        if (rawStatus == null) {
            throw ZendeskJson.malformed(what, "lacks status");
        }
        Instant createdAt = ZendeskJson.instant(ticket, "created_at", what);
        if (createdAt == null) {
            throw ZendeskJson.malformed(what, "lacks created_at");
        }
        String requesterId = ZendeskJson.string(ticket, "requester_id");
        String from = ZendeskJson.string(ticket.path("via").path("source").path("from"), "address");
        if (from == null && requesterId != null) {
            from = primaryEmailByUser.get(requesterId);
        }
        EmailAddress requesterEmail = from == null ? null : MarketplaceRelays.classify(from);
        return new Ticket(
                refs.of(id),
                requesterId,
                requesterEmail,
                ZendeskJson.string(ticket, "subject"),
                status(rawStatus),
                rawStatus,
                createdAt,
                ZendeskJson.instant(ticket, "updated_at", what),
                ZendeskJson.string(ticket, "external_id"));
    }

    /** The SPI state of a Zendesk status (case-insensitive); {@code UNKNOWN} for anything else. */
    public static TicketStatus status(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "new" -> TicketStatus.NEW;
            case "open" -> TicketStatus.OPEN;
            case "pending" -> TicketStatus.PENDING;
            case "hold", "on-hold", "on_hold" -> TicketStatus.ON_HOLD;
            case "solved" -> TicketStatus.SOLVED;
            case "closed" -> TicketStatus.CLOSED;
            default -> TicketStatus.UNKNOWN;
        };
    }
}
