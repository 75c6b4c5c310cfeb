package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.gateway.OmnigateApplication;
import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.faults.FaultSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code omnigate.sandbox.faults.<vendor>.*} binds to the simulator's settings; bad keys and values stop the start, named. */
final class SandboxFaultsConfigTest {

    @Test
    void kebabCasePropertiesBecomeTheVendorsStartUpFaults() {
        OmnigateProperties properties = bind(Map.of(
                "omnigate.sandbox.faults.zendesk.latency-ms", "40",
                "omnigate.sandbox.faults.zendesk.jitter-ms", "10",
                "omnigate.sandbox.faults.amazon.error-rate", "0.25",
                "omnigate.sandbox.faults.amazon.status", "429",
                "omnigate.sandbox.faults.amazon.retry-after-seconds", "3",
                "omnigate.sandbox.faults.square.down", "true",
                "omnigate.sandbox.faults.tiktok-shop.reset-rate", "0.1",
                "omnigate.sandbox.faults.tiktok-shop.malformed-rate", "0.2"));

        Map<String, FaultSettings> faults = SandboxFaults.fromProperties(properties.sandbox().faults());

        assertThat(faults).containsOnlyKeys(Sandbox.ZENDESK, Sandbox.AMAZON, Sandbox.SQUARE, Sandbox.TIKTOK_SHOP);
        assertThat(faults.get(Sandbox.ZENDESK)).isEqualTo(FaultSettings.NONE.withLatency(40, 10));
        assertThat(faults.get(Sandbox.AMAZON)).isEqualTo(FaultSettings.NONE.withErrors(0.25, 429).withRetryAfterSeconds(3));
        assertThat(faults.get(Sandbox.SQUARE)).isEqualTo(FaultSettings.outage());
        assertThat(faults.get(Sandbox.TIKTOK_SHOP)).isEqualTo(FaultSettings.NONE.withResetRate(0.1).withMalformedRate(0.2));
    }

    @Test
    void noPropertiesMeanNoFaults() {
        assertThat(SandboxFaults.fromProperties(bind(Map.of("omnigate.sandbox.enabled", "true")).sandbox().faults())).isEmpty();
    }

    @Test
    void unknownVendorsAndValuesOutOfRangeAreListedByTheirKeys() {
        OmnigateProperties properties = bind(Map.of(
                "omnigate.sandbox.faults.ebay.down", "true",
                "omnigate.sandbox.faults.shopify.error-rate", "1.5",
                "omnigate.sandbox.faults.zendesk.latency-ms", "-20"));

        assertThatThrownBy(() -> SandboxFaults.fromProperties(properties.sandbox().faults()))
                .isInstanceOfSatisfying(InvalidSandboxFaultsException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "omnigate.sandbox.faults.ebay: unknown vendor 'ebay'; the sandbox simulates [shopify, amazon, tiktok-shop, square, zendesk]",
                        "omnigate.sandbox.faults.shopify.error-rate must be within 0..1, was 1.5",
                        "omnigate.sandbox.faults.zendesk.latency-ms must not be negative, was -20"));
    }

    @Test
    void theGatewayRefusesToStartWithBadFaultSettingsNamingTheKey() {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(OmnigateApplication.class);

        assertThatThrownBy(() -> gateway.run("--server.port=0", "--spring.main.banner-mode=off", "--omnigate.sandbox.enabled=true",
                "--omnigate.stores-dir=target/no-store-files", "--omnigate.sandbox.faults.square.reset-rate=7"))
                .hasRootCauseInstanceOf(InvalidSandboxFaultsException.class)
                .rootCause().hasMessageContaining("omnigate.sandbox.faults.square.reset-rate must be within 0..1, was 7.0");
    }

    private static OmnigateProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind("omnigate", OmnigateProperties.class).get();
    }
}
