package dev.omnigate.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SandboxOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad settings are refused with the offending field named; good ones round-trip. */
final class FaultSettingsTest {

    @Test
    void refusesValuesOutsideTheirRangeNamingTheField() {
        assertField(() -> FaultSettings.latency(-1), "latencyMs");
        assertField(() -> FaultSettings.NONE.withLatency(0, -5), "jitterMs");
        assertField(() -> FaultSettings.NONE.withErrors(1.5, 503), "errorRate");
        assertField(() -> FaultSettings.NONE.withErrors(Double.NaN, 503), "errorRate");
        assertField(() -> FaultSettings.NONE.withErrors(0.1, 404), "status");
        assertField(() -> FaultSettings.NONE.withResetRate(-0.1), "resetRate");
        assertField(() -> FaultSettings.NONE.withMalformedRate(2), "malformedRate");
        assertField(() -> FaultSettings.NONE.withRetryAfterSeconds(-1), "retryAfterSeconds");
    }

    @Test
    void refusesUnknownVendors() {
        FaultControls controls = FaultControls.none();
        assertField(() -> controls.set("ebay", FaultSettings.outage()), "vendor");
        assertField(() -> SandboxOptions.defaults().withFaults(Map.of("ebay", FaultSettings.outage())), "vendor");
        assertThatThrownBy(() -> controls.settings("ebay")).hasMessageContaining("tiktok-shop");
    }

    @Test
    void initialSettingsApplyAndNoneMeansUntouched() {
        FaultControls controls = new FaultControls(1, Map.of(Sandbox.ZENDESK, FaultSettings.latency(50)));

        assertThat(controls.settings(Sandbox.ZENDESK).latencyMs()).isEqualTo(50);
        assertThat(controls.settings(Sandbox.SHOPIFY).isNone()).isTrue();
        assertThat(FaultSettings.latency(1).isNone()).isFalse();
        assertThat(controls.all()).containsOnlyKeys(FaultControls.VENDORS);
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidFaultException.class,
                e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field + " ");
                });
    }
}
