package dev.omnigate.connector.toolkit.identity;

import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.EmailAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises marketplace relay addresses, so every connector marks them the same way: Amazon's anonymised buyer
 * addresses ({@code ...@marketplace.amazon.com}, and the per-country {@code marketplace.amazon.<tld>} domains) and
 * TikTok Shop's ({@code ...@chat.seller.tiktok.com}, PROTOCOLS.md §3 and §7). A helpdesk or POS that received mail
 * from such an address holds it like any other; only the domain tells it apart.
 */
public final class MarketplaceRelays {

    private static final Pattern AMAZON = Pattern.compile("marketplace\\.amazon(\\.[a-z]{2,3}){1,2}");
    private static final String TIKTOK_SHOP = "chat.seller.tiktok.com";

    private MarketplaceRelays() {
    }

    /** The marketplace relaying this address, or empty for any other address (including malformed ones). */
    public static Optional<Channel> marketplaceOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String normalized = address.strip().toLowerCase(Locale.ROOT);
        int at = normalized.lastIndexOf('@');
        if (at <= 0 || at == normalized.length() - 1) {
            return Optional.empty();
        }
        String domain = normalized.substring(at + 1);
        if (AMAZON.matcher(domain).matches()) {
            return Optional.of(Channel.AMAZON);
        }
        if (domain.equals(TIKTOK_SHOP)) {
            return Optional.of(Channel.TIKTOK_SHOP);
        }
        return Optional.empty();
    }

    /** The address as the vendor sent it, marked as a relay of its marketplace or as personal. */
    public static EmailAddress classify(String address) {
        return marketplaceOf(address).map(channel -> EmailAddress.relay(address, channel))
                .orElseGet(() -> EmailAddress.personal(address));
    }
}
