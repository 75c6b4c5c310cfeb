package dev.omnigate.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.gateway.OmnigateApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Real starts of the application with unusable resilience settings: Boot's failure report names key and value. */
@ExtendWith(OutputCaptureExtension.class)
final class ResilienceStartupValidationTest {

    @TempDir
    Path stores;

    private void start(String... settings) {
        SpringApplication application = new SpringApplication(OmnigateApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] arguments = new String[settings.length + 3];
        arguments[0] = "--omnigate.stores-dir=" + stores;
        arguments[1] = "--omnigate.sandbox.enabled=false";
        arguments[2] = "--spring.main.banner-mode=off";
        System.arraycopy(settings, 0, arguments, 3, settings.length);
        assertThatThrownBy(() -> application.run(arguments)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aZeroRateAnUnknownProfileAndAnOverrideForNoAccountStopStartupNamingEachKeyAndValue(CapturedOutput output) {
        start("--omnigate.resilience.rate-limit.profiles.shopify.limit=0",
                "--omnigate.resilience.rate-limit.unknown-connector-profile=shopfiy",
                "--omnigate.resilience.accounts.ghost-shop.bulkhead.max-concurrent-calls=4");

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
                "Omnigate cannot start: the resilience settings (omnigate.resilience.*) have 3 problems.",
                "omnigate.resilience.rate-limit.profiles.shopify.limit must be at least 1, but was 0",
                "omnigate.resilience.rate-limit.unknown-connector-profile names no vendor profile: 'shopfiy'",
                "omnigate.resilience.accounts.ghost-shop is set, but no account 'ghost-shop' is configured",
                "config/README.md documents every resilience setting");
    }

    @Test
    void aNegativeBulkheadWaitStopsStartupNamingTheKey(CapturedOutput output) {
        start("--omnigate.resilience.bulkhead.max-wait=-1s");

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
                "omnigate.resilience.bulkhead.max-wait must not be negative, but was PT-1S");
    }
}
