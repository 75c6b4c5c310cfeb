package dev.omnigate.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.PhoneNumber;
import dev.omnigate.connector.api.model.SourceRef;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class IdentityNormalizerTest {

    private final IdentityNormalizer normalizer = new IdentityNormalizer("US");

    @ParameterizedTest
    @ValueSource(strings = {"ava.chen@example.com", "  AVA.Chen@Example.com ", "Ava.Chen@EXAMPLE.COM\t"})
    void emailsAreTrimmedAndLowerCased(String raw) {
        assertThat(normalizer.email(raw)).contains("ava.chen@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ava", "ava@", "@example.com", "ava chen@example.com", "ava@example"})
    void nonEmailsAreNotKeys(String raw) {
        assertThat(normalizer.email(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+14155550142", "+1 415-555-0142", "(415) 555-0142", "415.555.0142", "1-415-555-0142", "+1 (415) 555 0142"})
    void usNumbersInEveryCommonFormatBecomeTheSameE164(String raw) {
        assertThat(normalizer.phone(raw)).contains("+14155550142");
    }

    @ParameterizedTest
    @CsvSource({"030 1234567, DE, +49301234567", "+44 20 7946 0958, US, +442079460958", "020 7946 0958, GB, +442079460958"})
    void nationalNumbersUseTheGivenRegionAndInternationalOnesKeepTheirs(String raw, String region, String e164) {
        assertThat(normalizer.phone(raw, region)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "12", "(+1)415*****42", "+1 415"})
    void nonNumbersAndMaskedNumbersAreNotKeys(String raw) {
        assertThat(normalizer.phone(raw)).isEmpty();
    }

    @Test
    void customerKeysSkipRelaysAndMaskedPhonesAndUseTheirCountry() {
        Customer customer = new Customer(new SourceRef(Channel.POS, "pos", "pos-de", "1"), "Jana", null, null,
                List.of(EmailAddress.relay("x1@marketplace.amazon.com"), EmailAddress.personal(" Jana@Example.de "),
                        EmailAddress.personal("jana@example.de")),
                List.of(new PhoneNumber("+14155550142", true), PhoneNumber.of("030 1234567")),
                new Address(null, null, "Berlin", null, null, "DE"), null, null);

        assertThat(normalizer.emailKeys(customer)).containsExactly("jana@example.de");
        assertThat(normalizer.phoneKeys(customer)).containsExactly("+49301234567");
    }

    @Test
    void roleAddressesAndBlockedValuesAreNeverKeys() {
        IdentityNormalizer strict = new IdentityNormalizer("US", List.of("info", "NoReply"), List.of(" Placeholder@Shop.example "),
                List.of("(415) 555-0100"));
        Customer customer = new Customer(new SourceRef(Channel.POS, "square", "pos", "c-1"), "Till", null, null,
                List.of(EmailAddress.personal("INFO@brand.example"), EmailAddress.personal("noreply@brand.example"),
                        EmailAddress.personal("placeholder@shop.example"), EmailAddress.personal("kim@example.com")),
                List.of(PhoneNumber.of("+1 415 555 0100"), PhoneNumber.of("+1 415 555 0101")), null, null, null);

        assertThat(strict.emailKeys(customer)).containsExactly("kim@example.com");
        assertThat(strict.phoneKeys(customer)).containsExactly("+14155550101");
        assertThat(strict.unusableEmail("info@brand.example")).hasValueSatisfying(reason -> assertThat(reason).contains("role address"));
        assertThat(strict.unusableEmail("placeholder@shop.example")).hasValueSatisfying(reason -> assertThat(reason).contains("blocked"));
        assertThat(strict.unusableEmail("information@brand.example")).isEmpty();
        assertThat(strict.unusablePhone("+14155550100")).isPresent();
    }

    @Test
    void aBlockedValueThatCannotBeParsedIsRefusedByName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdentityNormalizer("US", List.of(), List.of(), List.of("not a phone")))
                .withMessageContaining("omnigate.identity.blocked-phones").withMessageContaining("'not a phone'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdentityNormalizer("US", List.of(), List.of("nobody"), List.of()))
                .withMessageContaining("omnigate.identity.blocked-emails");
    }
}
