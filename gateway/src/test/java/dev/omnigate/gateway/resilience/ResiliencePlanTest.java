package dev.omnigate.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.resilience.ResilienceProperties.Account;
import dev.omnigate.gateway.resilience.ResilienceProperties.AccountBulkhead;
import dev.omnigate.gateway.resilience.ResilienceProperties.Limit;
import dev.omnigate.gateway.resilience.ResilienceProperties.Profile;
import dev.omnigate.gateway.resilience.VendorProfiles.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How accounts get their limits, and which settings stop startup (naming key and value). */
final class ResiliencePlanTest {

    private static ConnectorAccount account(String id, String connectorId) {
        FakeConnectorFactory factory = FakeConnectorFactory.builder(connectorId, Channel.SHOPIFY).build();
        Connector connector = factory.create(factory.descriptor().configSpec().validate(Map.of()).orElseThrow(), TestConnectorContext.of(id));
        return new ConnectorAccount("store", id, factory.descriptor(), connector);
    }

    private static ResilienceProperties with(Map<String, Profile> profiles, Map<String, Account> accounts, String unknownProfile) {
        ResilienceProperties defaults = ResilienceProperties.defaults();
        return new ResilienceProperties(defaults.breaker(), defaults.retry(), defaults.bulkhead(),
                new ResilienceProperties.RateLimiting(true, Duration.ofSeconds(1), unknownProfile, profiles), accounts);
    }

    private final ConnectorAccount shopify = account("shop-us", "shopify");
    private final ConnectorAccount amazon = account("amazon-us", "amazon");
    private final ConnectorAccount zendesk = account("desk", "zendesk");
    private final ConnectorAccount unknown = account("odd", "some-new-vendor");
    private final List<ConnectorAccount> accounts = List.of(shopify, amazon, zendesk, unknown);

    @Test
    void eachAccountGetsItsVendorsProfileAndUnknownConnectorsTheDefault() {
        ResiliencePlan plan = ResiliencePlan.of(ResilienceProperties.defaults(), accounts, false);

        assertThat(plan.of(shopify).rateLimit()).contains(new RateLimit(50, Duration.ofSeconds(10)));
        assertThat(plan.of(zendesk).rateLimit()).contains(new RateLimit(200, Duration.ofMinutes(1)));
        assertThat(plan.of(amazon).rateLimit()).isEmpty();
        assertThat(plan.of(amazon).operations()).containsEntry("orders.getByIds", new RateLimit(30, Duration.ofSeconds(60)))
                .containsEntry("orders.search", new RateLimit(20, Duration.ofHours(1)));
        assertThat(plan.of(unknown).profile()).isEqualTo("default");
        assertThat(plan.of(unknown).rateLimit()).contains(new RateLimit(10, Duration.ofSeconds(1)));
        assertThat(plan.of(shopify).maxConcurrentCalls()).isEqualTo(16);
    }

    @Test
    void inSandboxModeAVendorsSandboxProfileApplies() {
        ResiliencePlan plan = ResiliencePlan.of(ResilienceProperties.defaults(), accounts, true);

        assertThat(plan.of(amazon).profile()).isEqualTo("amazon-sandbox");
        assertThat(plan.of(amazon).operations()).containsEntry("orders.getByIds", new RateLimit(15, Duration.ofSeconds(3)));
        assertThat(plan.of(shopify).profile()).isEqualTo("shopify");
    }

    @Test
    void configuredProfilesChangeOnlyTheGivenValuesAndAccountsOverrideTheirProfile() {
        ResiliencePlan plan = ResiliencePlan.of(with(
                Map.of("shopify", new Profile(500, null, Map.of()),
                        "amazon", new Profile(null, null, Map.of("orders.search", new Limit(null, Duration.ofMinutes(10))))),
                Map.of("desk", new Account("default", null, new AccountBulkhead(4)),
                        "odd", new Account(null, new Profile(3, Duration.ofSeconds(2), Map.of()), null)), "default"), accounts, false);

        assertThat(plan.of(shopify).rateLimit()).contains(new RateLimit(500, Duration.ofSeconds(10)));
        assertThat(plan.of(amazon).operations()).containsEntry("orders.search", new RateLimit(20, Duration.ofMinutes(10)))
                .containsEntry("orders.getByIds", new RateLimit(30, Duration.ofSeconds(60)));
        assertThat(plan.of(zendesk).profile()).isEqualTo("default");
        assertThat(plan.of(zendesk).maxConcurrentCalls()).isEqualTo(4);
        assertThat(plan.of(unknown).rateLimit()).contains(new RateLimit(3, Duration.ofSeconds(2)));
    }

    @Test
    void everyUnusableValueIsListedWithItsKeyAndValue() {
        ResilienceProperties broken = with(
                Map.of("shopify", new Profile(0, null, Map.of()),
                        "zendesk", new Profile(null, Duration.ofSeconds(-1), Map.of("tickets.getByIds", new Limit(-5, Duration.ofSeconds(1))))),
                Map.of("no-such-account", new Account("default", null, null)), "nonexistent");

        assertThatThrownBy(() -> ResiliencePlan.of(broken, accounts, false))
                .isInstanceOf(InvalidResilienceSettingsException.class)
                .satisfies(e -> assertThat(((InvalidResilienceSettingsException) e).problems()).containsExactlyInAnyOrder(
                        "omnigate.resilience.rate-limit.profiles.shopify.limit must be at least 1, but was 0",
                        "omnigate.resilience.rate-limit.profiles.zendesk.period must be positive, but was PT-1S",
                        "omnigate.resilience.rate-limit.profiles.zendesk.operations.[tickets.getByIds].limit must be at least 1, but was -5",
                        "omnigate.resilience.rate-limit.unknown-connector-profile names no vendor profile: 'nonexistent' (known: "
                                + "[amazon, amazon-sandbox, default, shopify, square, tiktok-shop, zendesk])",
                        "omnigate.resilience.accounts.no-such-account is set, but no account 'no-such-account' is configured "
                                + "(accounts: [amazon-us, desk, odd, shop-us])"));
    }

    @Test
    void anAccountNamingAnUnknownProfileOrAnEmptyBulkheadStopsStartup() {
        ResilienceProperties broken = with(Map.of(), Map.of("shop-us", new Account("shopfiy", null, null),
                "desk", new Account(null, null, new AccountBulkhead(0))), "default");

        assertThatThrownBy(() -> ResiliencePlan.of(broken, accounts, false))
                .isInstanceOf(InvalidResilienceSettingsException.class)
                .satisfies(e -> assertThat(((InvalidResilienceSettingsException) e).problems()).containsExactlyInAnyOrder(
                        "omnigate.resilience.accounts.shop-us.profile names no vendor profile: 'shopfiy' (known: "
                                + "[amazon, amazon-sandbox, default, shopify, square, tiktok-shop, zendesk])",
                        "omnigate.resilience.accounts.desk.bulkhead.max-concurrent-calls must be at least 1, but was 0"));
    }
}
