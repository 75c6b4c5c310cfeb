package dev.omnigate.gateway.identity;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.Ticket;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A marketplace order joined to a profile through a helpdesk ticket: the ticket was sent from a marketplace relay
 * address of one of the profile's helpdesk users and names the order ({@link Ticket#externalId()}).
 *
 * <p>Why: Amazon (2026-01-01 Orders API: {@code buyerEmail} only on merchant-fulfilled orders) and TikTok Shop cannot
 * be searched by buyer, and their relay addresses never equal a personal address. The only reliable link is the one
 * the buyer made by writing to support about the order. A relay address joins only orders of its own marketplace,
 * and only the order its ticket names; an order whose buyer email is known and differs is refused.
 *
 * @param marketplace the channel that relays the address (and holds the order)
 * @param orderId the order's native id as the ticket names it
 * @param relayEmail the relay address the ticket was sent from, normalised
 */
public record RelayOrderLink(Channel marketplace, String orderId, String relayEmail) {

    public RelayOrderLink {
        requireNonNull(marketplace, "marketplace is null");
        requireNonNull(orderId, "orderId is null");
        requireNonNull(relayEmail, "relayEmail is null");
    }

    /** The links the tickets assert, without duplicates, in ticket order. */
    public static List<RelayOrderLink> of(List<Ticket> tickets, IdentityNormalizer normalizer) {
        Set<RelayOrderLink> links = new LinkedHashSet<>();
        for (Ticket ticket : tickets) {
            EmailAddress from = ticket.requesterEmail();
            String orderId = ticket.externalId() == null ? null : ticket.externalId().strip();
            if (from == null || !from.isRelay() || from.relayOf() == null || orderId == null || orderId.isEmpty()) {
                continue; // only a ticket sent from a relay of a known marketplace names an order of that marketplace
            }
            Optional<String> relay = normalizer.email(from.address());
            relay.ifPresent(address -> links.add(new RelayOrderLink(from.relayOf(), orderId, address)));
        }
        return List.copyOf(links);
    }

    /**
     * Whether a fetched order really is the one this link names: same marketplace and id, and, when the marketplace
     * tells the buyer's address, that address is this link's relay.
     */
    public boolean accepts(Order order, IdentityNormalizer normalizer) {
        if (order.source().channel() != marketplace || !order.source().nativeId().equals(orderId)) {
            return false;
        }
        EmailAddress buyer = order.buyerEmail();
        return buyer == null || normalizer.email(buyer.address()).map(relayEmail::equals).orElse(false);
    }
}
