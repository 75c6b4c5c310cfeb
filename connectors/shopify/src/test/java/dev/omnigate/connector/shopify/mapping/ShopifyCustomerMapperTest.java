package dev.omnigate.connector.shopify.mapping;

import static dev.omnigate.connector.shopify.mapping.MappingFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.EmailKind;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.PhoneNumber;
import dev.omnigate.connector.shopify.VendorSpecs;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

final class ShopifyCustomerMapperTest {

    private final ShopifyCustomerMapper mapper = new ShopifyCustomerMapper(MappingFixtures.REFS);

    private static JsonNode capturedKarine() {
        return VendorSpecs.capture("2025-01__customers__customer-detail.json").path("data").path("customer");
    }

    @Test
    void mapsTheCapturedCustomerDetail() {
        Customer customer = mapper.toCustomer(capturedKarine());
        assertThat(customer).isEqualTo(new Customer(MappingFixtures.REFS.of("9522206933298"), "Karine Ruby", "Karine", "Ruby",
                List.of(EmailAddress.personal("karine.ruby@example.com")), List.of(PhoneNumber.of("+16135550142")),
                new Address("Box 42 - 151 O'Connor St", null, "Ottawa", null, "K2P2L8", null),
                Instant.parse("2025-03-26T19:51:37Z"), Instant.parse("2026-05-06T02:40:36Z")));
    }

    @Test
    void theCapturedAmountSpentReadsAsExactMoney() {
        Money spent = ShopifyJson.moneyV2(capturedKarine().get("amountSpent"), "Customer");
        assertThat(spent).isEqualTo(Money.of("11884.9", "CAD"));
        assertThat(spent.amount()).isEqualTo(new BigDecimal("11884.90"));
    }

    @Test
    void personalEmailsStayPersonalAndPhonesUnmaskedBecauseShopifyDoesNotMask() {
        Customer customer = mapper.toCustomer(json("{'id':'gid://shopify/Customer/1','displayName':'Ava Chen',"
                + "'email':'Ava.Chen@Example.com','phone':'+14155550142',"
                + "'defaultEmailAddress':{'emailAddress':'ava.chen@example.com'},'defaultPhoneNumber':{'phoneNumber':'+14155550142'}}"));
        assertThat(customer.emails()).singleElement().satisfies(email -> {
            assertThat(email.address()).as("kept as the vendor sent it").isEqualTo("Ava.Chen@Example.com");
            assertThat(email.kind()).isEqualTo(EmailKind.PERSONAL);
        });
        assertThat(customer.phones()).containsExactly(new PhoneNumber("+14155550142", false));
    }

    @Test
    void aMarketplaceRelayAddressImportedIntoTheShopIsMarkedAsARelayOfItsMarketplace() {
        Customer customer = mapper.toCustomer(json("{'id':'gid://shopify/Customer/2','email':'q4k8m2x7v1c9d3nb@marketplace.amazon.com'}"));
        assertThat(customer.emails()).singleElement().satisfies(email -> {
            assertThat(email.kind()).isEqualTo(EmailKind.MARKETPLACE_RELAY);
            assertThat(email.relayOf()).isEqualTo(Channel.AMAZON);
        });
    }

    @Test
    void addressUsesProvinceCodeWhenTheNameIsMissingAndTheIsoCountryCode() {
        Customer customer = mapper.toCustomer(json("{'id':'gid://shopify/Customer/1','defaultAddress':{'address1':'1 Main St',"
                + "'address2':'Apt 2','city':'San Francisco','province':null,'provinceCode':'CA','zip':'94110',"
                + "'country':'United States','countryCodeV2':'US'}}"));
        assertThat(customer.address()).isEqualTo(new Address("1 Main St", "Apt 2", "San Francisco", "CA", "94110", "US"));
    }

    @Test
    void absentFieldsStayNull() {
        Customer customer = mapper.toCustomer(json("{'id':'gid://shopify/Customer/10885440995634','email':null,'phone':null,"
                + "'defaultAddress':null}"));
        assertThat(customer.source().nativeId()).isEqualTo("10885440995634");
        assertThat(customer.displayName()).isNull();
        assertThat(customer.emails()).isEmpty();
        assertThat(customer.phones()).isEmpty();
        assertThat(customer.address()).isNull();
        assertThat(customer.createdAt()).isNull();
    }

    @Test
    void aCustomerWithoutIdIsABadResponse() {
        assertThatThrownBy(() -> mapper.toCustomer(json("{'email':'ava.chen@example.com'}")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("lacks id").doesNotContain("ava.chen");
                });
    }
}
