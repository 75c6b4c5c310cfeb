package dev.omnigate.connector.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.config.ConfigProblem;
import dev.omnigate.connector.api.config.ConfigValidation;
import dev.omnigate.connector.api.config.ConnectorConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ShopifyConfigTest {

    private static final String TOKEN = "shpat_config_test_77aa";

    private static Map<String, Object> minimal() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("shop-domain", "Acme.myshopify.com");
        raw.put("access-token", TOKEN);
        return raw;
    }

    private static ShopifyConfig parse(Map<String, Object> raw) {
        return ShopifyConfig.from(ShopifyConfig.SPEC.validate(raw).orElseThrow());
    }

    @Test
    void defaultsPointAtTheShopsOwnAdminApi() {
        ShopifyConfig config = parse(minimal());
        assertThat(config.shopDomain()).isEqualTo("acme.myshopify.com");
        assertThat(config.apiVersion()).isEqualTo("2026-04");
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://acme.myshopify.com"));
        assertThat(config.graphqlEndpoint().toString()).isEqualTo("https://acme.myshopify.com/admin/api/2026-04/graphql.json");
        assertThat(config.optionalWebhookSecret()).isEmpty();
        assertThat(config.degradedBelowPercent()).isEqualTo(10);
        assertThat(config.storeLocationIds()).isEmpty();
    }

    @Test
    void baseUrlOverridesTheOriginAndKeepsAPathPrefix() {
        Map<String, Object> raw = minimal();
        raw.put("base-url", "http://127.0.0.1:8091/proxy/");
        raw.put("api-version", "unstable");
        raw.put("store-location-ids", "113786487090, 113786519858");
        ShopifyConfig config = parse(raw);
        assertThat(config.graphqlEndpoint().toString()).isEqualTo("http://127.0.0.1:8091/proxy/admin/api/unstable/graphql.json");
        assertThat(config.storeLocationIds()).isEqualTo(Set.of("113786487090", "113786519858"));
    }

    @Test
    void everyProblemIsReportedAtOnceWithoutEchoingSecrets() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("shop-domain", "https://acme.myshopify.com/admin");
        raw.put("api-version", "2026-05");
        raw.put("webhook-secret", "whsec_visible_if_leaked");
        raw.put("warehouse-location-ids", "12, Oakland");
        raw.put("throttle-degraded-below-percent", 150);
        raw.put("shopify-plus", true);
        ConfigValidation validation = ShopifyConfig.SPEC.validate(raw);
        assertThat(validation.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "shop-domain", "access-token", "api-version", "warehouse-location-ids", "throttle-degraded-below-percent",
                "shopify-plus");
        assertThat(validation.problems().toString()).doesNotContain("whsec_visible_if_leaked")
                .contains("YYYY-MM with MM one of 01, 04, 07, 10");
    }

    @Test
    void toStringsHideTheTokenAndTheWebhookSecret() {
        Map<String, Object> raw = minimal();
        raw.put("webhook-secret", "whsec_hidden_4411");
        ConnectorConfig validated = ShopifyConfig.SPEC.validate(raw).orElseThrow();
        ShopifyConfig config = ShopifyConfig.from(validated);
        for (String text : new String[] {validated.toString(), config.toString()}) {
            assertThat(text).doesNotContain(TOKEN).doesNotContain("whsec_hidden_4411").containsIgnoringCase("acme.myshopify.com");
        }
        assertThat(config.webhookSecret().reveal()).isEqualTo("whsec_hidden_4411");
    }
}
