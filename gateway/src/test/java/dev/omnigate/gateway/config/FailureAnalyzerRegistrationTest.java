package dev.omnigate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.gateway.OmnigateApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A real start of the application with a broken store file prints Boot's failure report with our analysis. */
@ExtendWith(OutputCaptureExtension.class)
final class FailureAnalyzerRegistrationTest {

    @TempDir
    Path stores;

    @Test
    void brokenStoreConfigurationPrintsOneReportWithEveryProblemAndNoSecret(CapturedOutput output) throws IOException {
        Files.writeString(stores.resolve("acme.yml"), """
                omnigate:
                  stores:
                    acme:
                      accounts:
                        shop-us:
                          connector: shopify-nonexistent
                          config:
                            access-token: ${OMNIGATE_TEST_TOKEN}
                        pos-1:
                          connector: also-missing
                """);
        SpringApplication application = new SpringApplication(OmnigateApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--omnigate.stores-dir=" + stores, "--omnigate.sandbox.enabled=false",
                "--OMNIGATE_TEST_TOKEN=never-print-me", "--spring.main.banner-mode=off")).isInstanceOf(RuntimeException.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Omnigate cannot start: the store configuration has 2 problems.",
                "account 'shop-us': unknown connector 'shopify-nonexistent'", "account 'pos-1': unknown connector 'also-missing'", "Action:");
        assertThat(output.getAll()).doesNotContain("never-print-me");
    }

    @Test
    void anUnusableBlockedPhoneStopsStartupNamingTheSetting(CapturedOutput output) {
        SpringApplication application = new SpringApplication(OmnigateApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--omnigate.stores-dir=" + stores, "--omnigate.sandbox.enabled=false",
                "--omnigate.identity.blocked-phones=+10000000000,not-a-number", "--spring.main.banner-mode=off"))
                .isInstanceOf(RuntimeException.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
                "omnigate.identity.blocked-phones holds a value that is not a phone number: 'not-a-number'", "Action:",
                "config/README.md documents every identity setting");
    }
}
