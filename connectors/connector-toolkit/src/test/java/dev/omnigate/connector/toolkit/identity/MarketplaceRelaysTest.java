package dev.omnigate.connector.toolkit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.EmailKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarketplaceRelaysTest {

    @ParameterizedTest
    @CsvSource({
        "buyer-email@marketplace.amazon.com, AMAZON",
        " Q4K8@Marketplace.Amazon.CO.UK , AMAZON",
        "abc@marketplace.amazon.de, AMAZON",
        "v2b2V5@chat.seller.tiktok.com, TIKTOK_SHOP"
    })
    void relayDomainsNameTheirMarketplace(String address, Channel expected) {
        EmailAddress classified = MarketplaceRelays.classify(address);

        assertThat(classified.kind()).isEqualTo(EmailKind.MARKETPLACE_RELAY);
        assertThat(classified.relayOf()).isEqualTo(expected);
        assertThat(classified.address()).as("kept as the vendor sent it").isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ava.chen@example.com", "someone@amazon.com", "x@marketplace.amazon.com.evil.example",
        "x@seller.tiktok.com", "marketplace.amazon.com", "@marketplace.amazon.com", "x@", ""})
    void everythingElseIsPersonal(String address) {
        assertThat(MarketplaceRelays.marketplaceOf(address)).isEmpty();
        assertThat(MarketplaceRelays.classify(address).kind()).isEqualTo(EmailKind.PERSONAL);
    }
}
