package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * How one channel knows a person: its own id for them and their contact details as that channel stores
 * them, with the channel's typical variations (case and spaces in e-mails, phone formats, relay addresses).
 *
 * @param channel the channel
 * @param nativeId the channel's id for this person (Shopify: the customer's legacy numeric id; Amazon: the
 *     buyer's relay address; TikTok Shop: the buyer user id; POS: the customer id; helpdesk: the user id)
 * @param displayName the name as the channel shows it
 * @param emails the e-mail addresses the channel holds, primary first (a helpdesk user may hold several)
 * @param phone the phone number exactly as the channel stores it, or null
 * @param createdAt when the channel first saw the person
 */
public record ChannelPresence(Channel channel, String nativeId, String displayName, List<ChannelEmail> emails,
        String phone, Instant createdAt) {

    public ChannelPresence {
        requireNonNull(channel, "channel is null");
        requireNonNull(nativeId, "nativeId is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(createdAt, "createdAt is null");
        emails = List.copyOf(emails);
    }

    /** The primary e-mail as the channel stores it, or null when the channel has none. */
    public String primaryEmail() {
        return emails.isEmpty() ? null : emails.getFirst().address();
    }
}
