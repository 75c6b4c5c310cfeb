package dev.omnigate.simulator.zendesk;

import static java.util.Objects.requireNonNull;

import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.ChannelPresence;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.Person;
import dev.omnigate.simulator.world.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo world as the brand's Zendesk Support account holds it: one end user per person with a helpdesk presence
 * (every address that presence holds becomes an email identity, the first one primary; Ava's user holds her own
 * address and her Amazon and TikTok Shop relay addresses) and the world's tickets. Records are built in Zendesk's
 * shapes ({@code zendesk/support-api.oas.yaml}: {@code UserForAdmin}, {@code UserIdentityObject}, {@code TicketObject}
 * with {@code via} as {@code ViaObject}). A ticket about a marketplace order (Amazon, TikTok Shop) carries that
 * order's native id in {@code external_id}; its {@code via.source.from.address} is the address it was sent from.
 * Immutable; built once per start.
 */
public final class ZendeskDesk {

    /** The Zendesk view of one person: the user object and its identities. */
    public record User(String id, String personKey, ObjectNode json, List<ObjectNode> identities) {
        public User {
            requireNonNull(id, "id is null");
            identities = List.copyOf(identities);
        }

        /** Every email identity value, primary first, as Zendesk stores it. */
        public List<String> emails() {
            return identities.stream().filter(i -> "email".equals(i.path("type").asString()))
                    .map(i -> i.path("value").asString()).toList();
        }
    }

    /** The Zendesk view of one world ticket. */
    public record DeskTicket(String id, String requesterId, String worldKey, Instant createdAt, ObjectNode json) {
        public DeskTicket {
            requireNonNull(id, "id is null");
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** First identity id; identities are numbered in world order. */
    private static final long FIRST_IDENTITY_ID = 912_000_000_001L;

    private final String subdomain;
    private final Map<String, User> users;
    private final Map<String, DeskTicket> tickets;
    private final Map<String, String> userIdByPerson;

    public ZendeskDesk(DemoWorld world, String subdomain) {
        requireNonNull(world, "world is null");
        this.subdomain = requireNonNull(subdomain, "subdomain is null");
        Map<String, User> byId = new LinkedHashMap<>();
        Map<String, String> byPerson = new LinkedHashMap<>();
        long identityId = FIRST_IDENTITY_ID;
        for (Person person : world.people()) {
            Optional<ChannelPresence> presence = person.presenceOn(Channel.HELPDESK);
            if (presence.isEmpty()) {
                continue;
            }
            ChannelPresence p = presence.get();
            List<ObjectNode> identities = new ArrayList<>();
            for (int i = 0; i < p.emails().size(); i++) {
                identities.add(identity(identityId++, p.nativeId(), "email", p.emails().get(i).address(), i == 0, p.createdAt()));
            }
            if (p.phone() != null) {
                identities.add(identity(identityId++, p.nativeId(), "phone_number", p.phone(), true, p.createdAt()));
            }
            byId.put(p.nativeId(), new User(p.nativeId(), person.key(), user(p), identities));
            byPerson.put(person.key(), p.nativeId());
        }
        Map<String, DeskTicket> ticketsById = new LinkedHashMap<>();
        for (Ticket ticket : world.tickets()) {
            String requester = byPerson.get(ticket.personKey());
            if (requester == null) {
                continue;
            }
            Order about = ticket.orderKey() == null ? null : world.order(ticket.orderKey());
            String externalId = about != null && (about.channel() == Channel.AMAZON || about.channel() == Channel.TIKTOK_SHOP)
                    ? about.nativeId() : null;
            ticketsById.put(ticket.nativeId(), new DeskTicket(ticket.nativeId(), requester, ticket.key(), ticket.createdAt(),
                    ticket(ticket, requester, byId.get(requester), externalId)));
        }
        this.users = Collections.unmodifiableMap(byId);
        this.tickets = Collections.unmodifiableMap(ticketsById);
        this.userIdByPerson = Collections.unmodifiableMap(byPerson);
    }

    private static ObjectNode identity(long id, String userId, String type, String value, boolean primary, Instant at) {
        ObjectNode identity = MAPPER.createObjectNode();
        identity.put("id", id);
        identity.put("user_id", Long.parseLong(userId));
        identity.put("type", type);
        identity.put("value", value);
        identity.put("primary", primary);
        identity.put("verified", true);
        if ("email".equals(type)) {
            identity.put("deliverable_state", "deliverable");
        }
        identity.put("created_at", at.toString());
        identity.put("updated_at", at.toString());
        return identity;
    }

    private ObjectNode user(ChannelPresence p) {
        ObjectNode user = MAPPER.createObjectNode();
        user.put("id", Long.parseLong(p.nativeId()));
        user.put("url", "https://" + subdomain + ".zendesk.com/api/v2/users/" + p.nativeId() + ".json");
        user.put("name", p.displayName());
        if (p.primaryEmail() == null) {
            user.putNull("email");
        } else {
            user.put("email", p.primaryEmail());
        }
        if (p.phone() == null) {
            user.putNull("phone");
        } else {
            user.put("phone", p.phone());
        }
        user.put("shared_phone_number", false);
        user.put("role", "end-user");
        user.put("active", true);
        user.put("verified", true);
        user.put("suspended", false);
        user.putNull("external_id");
        user.put("locale", "en-US");
        user.put("time_zone", "Pacific Time (US & Canada)");
        user.put("created_at", p.createdAt().toString());
        user.put("updated_at", p.createdAt().toString());
        return user;
    }

    private ObjectNode ticket(Ticket t, String requesterId, User requester, String externalId) {
        ObjectNode ticket = MAPPER.createObjectNode();
        ticket.put("id", Long.parseLong(t.nativeId()));
        ticket.put("url", "https://" + subdomain + ".zendesk.com/api/v2/tickets/" + t.nativeId() + ".json");
        if (externalId == null) {
            ticket.putNull("external_id");
        } else {
            ticket.put("external_id", externalId);
        }
        ticket.put("type", "question");
        ticket.put("subject", t.subject());
        ticket.put("raw_subject", t.subject());
        ticket.put("description", t.description());
        ticket.put("priority", "normal");
        ticket.put("status", t.status().name().toLowerCase(Locale.ROOT));
        ticket.put("recipient", "support@" + subdomain + ".zendesk.com");
        ticket.put("requester_id", Long.parseLong(requesterId));
        ticket.put("submitter_id", Long.parseLong(requesterId));
        ticket.putNull("assignee_id");
        ticket.putArray("tags");
        ticket.put("is_public", true);
        ticket.put("created_at", t.createdAt().toString());
        ticket.put("updated_at", t.updatedAt().toString());
        ObjectNode via = ticket.putObject("via");
        via.put("channel", "email");
        ObjectNode source = via.putObject("source");
        ObjectNode from = source.putObject("from");
        from.put("address", t.requesterEmail());
        from.put("name", requester.json().path("name").asString());
        ObjectNode to = source.putObject("to");
        to.put("address", "support@" + subdomain + ".zendesk.com");
        to.put("name", "Support");
        source.putNull("rel");
        return ticket;
    }

    public String subdomain() {
        return subdomain;
    }

    /** Users by id, in world order. */
    public Map<String, User> users() {
        return users;
    }

    /** Tickets by id, oldest first. */
    public Map<String, DeskTicket> tickets() {
        return tickets;
    }

    /** The Zendesk user of a world person, if the person is on the helpdesk. */
    public Optional<User> userOfPerson(String personKey) {
        return Optional.ofNullable(userIdByPerson.get(personKey)).map(users::get);
    }

    /** A person's tickets, oldest first. */
    public List<DeskTicket> ticketsOfUser(String userId) {
        return tickets.values().stream().filter(t -> t.requesterId().equals(userId)).toList();
    }

    /** Whether a user holds this email identity (Zendesk compares addresses case-insensitively). */
    static boolean holdsEmail(User user, String email) {
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        return user.emails().stream().anyMatch(e -> e.strip().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
