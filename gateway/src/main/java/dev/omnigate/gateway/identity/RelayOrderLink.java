package dev.omnigate.gateway.identity;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.Ticket;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A marketplace order joined to a profile through a helpdesk ticket that names it ({@link Ticket#externalId()}).
 *
 * <p>Why: Amazon (2026-01-01 Orders API: {@code buyerEmail} only on merchant-fulfilled orders) and TikTok Shop cannot
 * be searched by buyer, and their relay addresses never equal a personal address. The link is the one the buyer made:
 * their helpdesk user holds the marketplace's relay address (support received mail from it), and a ticket of that
 * user names the order. Rules:
 * <ul>
 *   <li>a ticket sent from a relay address names an order of that relay's marketplace only;</li>
 *   <li>a ticket sent from another address names an order of a marketplace whose relay address the requester holds;</li>
 *   <li>the order is joined only when the marketplace does not tell its buyer's address, or tells one of the
 *       requester's relay addresses of that marketplace; never another buyer's.</li>
 * </ul>
 *
 * @param marketplace the channel that holds the order
 * @param orderId the order's native id as the ticket names it
 * @param relayEmails the requester's relay addresses of that marketplace, normalised: a buyer email must be one of them
 */
public record RelayOrderLink(Channel marketplace, String orderId, Set<String> relayEmails) {

    public RelayOrderLink {
        requireNonNull(marketplace, "marketplace is null");
        requireNonNull(orderId, "orderId is null");
        relayEmails = Set.copyOf(relayEmails);
    }

    /**
     * The links the tickets assert, without duplicates, in ticket order.
     *
     * @param requesters the helpdesk users of the profile by (account, native id): whose relay addresses count
     */
    public static List<RelayOrderLink> of(List<Ticket> tickets, Map<RequesterKey, Customer> requesters, IdentityNormalizer normalizer) {
        Map<String, RelayOrderLink> links = new LinkedHashMap<>();
        for (Ticket ticket : tickets) {
            String orderId = ticket.externalId() == null ? null : ticket.externalId().strip();
            if (orderId == null || orderId.isEmpty()) {
                continue;
            }
            Map<Channel, Set<String>> relays = new EnumMap<>(Channel.class);
            Customer requester = requesters.get(new RequesterKey(ticket.source().account(), ticket.requesterId()));
            if (requester != null) {
                requester.emails().forEach(address -> addRelay(relays, address, normalizer));
            }
            EmailAddress from = ticket.requesterEmail();
            if (from != null && from.isRelay() && from.relayOf() != null) {
                addRelay(relays, from, normalizer);
                relays.keySet().retainAll(Set.of(from.relayOf())); // sent from a relay: that marketplace only
            }
            relays.forEach((channel, addresses) -> links.merge(channel + "\u0000" + orderId, new RelayOrderLink(channel, orderId, addresses),
                    (kept, more) -> new RelayOrderLink(channel, orderId, union(kept.relayEmails(), more.relayEmails()))));
        }
        return List.copyOf(links.values());
    }

    private static void addRelay(Map<Channel, Set<String>> relays, EmailAddress address, IdentityNormalizer normalizer) {
        if (address.isRelay() && address.relayOf() != null) {
            normalizer.email(address.address())
                    .ifPresent(normalized -> relays.computeIfAbsent(address.relayOf(), channel -> new LinkedHashSet<>()).add(normalized));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Whether a fetched order really is the one this link names: same marketplace and id, and, when the marketplace
     * tells the buyer's address, that address is one of the requester's relay addresses.
     */
    public boolean accepts(Order order, IdentityNormalizer normalizer) {
        if (order.source().channel() != marketplace || !order.source().nativeId().equals(orderId)) {
            return false;
        }
        EmailAddress buyer = order.buyerEmail();
        return buyer == null || normalizer.email(buyer.address()).map(relayEmails::contains).orElse(false);
    }

    /** A helpdesk user: the account and the requester id its tickets name. */
    public record RequesterKey(String account, String nativeId) {
    }
}
