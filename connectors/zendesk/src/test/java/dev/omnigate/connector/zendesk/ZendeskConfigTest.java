package dev.omnigate.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ZendeskConfigTest {

    private static ZendeskConfig config(Map<String, Object> raw) {
        return ZendeskConfig.from(ZendeskConfig.SPEC.validate(raw).orElseThrow());
    }

    @Test
    void apiTokenMeansBasicEmailSlashTokenAndTheSubdomainHost() {
        ZendeskConfig config = config(Map.of("subdomain", "Acme", "email", "agent@acme.example", "api-token", "tok-123"));
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://acme.zendesk.com"));
        assertThat(config.authorization().reveal()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("agent@acme.example/token:tok-123".getBytes(StandardCharsets.UTF_8)));
        assertThat(config.webhookTolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.toString()).doesNotContain("tok-123");
        assertThat(config.api("users", "show_many").build().toString()).isEqualTo("https://acme.zendesk.com/api/v2/users/show_many");
    }

    @Test
    void oauthTokenMeansBearer() {
        ZendeskConfig config = config(Map.of("subdomain", "acme", "oauth-token", "oauth-xyz", "base-url", "http://127.0.0.1:9"));
        assertThat(config.authorization().reveal()).isEqualTo("Bearer oauth-xyz");
        assertThat(config.authMode()).isEqualTo("bearer");
    }

    @Test
    void exactlyOneAuthModeIsRequiredAndTheProblemNamesKeysNotValues() {
        Map<String, Object> both = new LinkedHashMap<>(Map.of("subdomain", "acme", "email", "a@b.example",
                "api-token", "secret-api-1", "oauth-token", "secret-oauth-2"));
        Throwable thrown = catchThrowable(() -> config(both));
        assertThat(thrown).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
            assertThat(e.getMessage()).contains("api-token", "oauth-token").doesNotContain("secret-api-1", "secret-oauth-2");
        });
        assertThat(catchThrowable(() -> config(Map.of("subdomain", "acme")))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("neither");
        assertThat(catchThrowable(() -> config(Map.of("subdomain", "acme", "api-token", "t"))))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("'email'");
    }

    @Test
    void aBadSubdomainOrToleranceIsAProblem() {
        assertThat(ZendeskConfig.SPEC.validate(Map.of("subdomain", "acme.zendesk.com/x", "oauth-token", "t")).problems())
                .extracting(p -> p.key()).containsExactly("subdomain");
        assertThat(ZendeskConfig.SPEC.validate(Map.of("subdomain", "acme", "oauth-token", "t", "webhook-tolerance", "2h"))
                .problems()).extracting(p -> p.key()).containsExactly("webhook-tolerance");
    }
}
