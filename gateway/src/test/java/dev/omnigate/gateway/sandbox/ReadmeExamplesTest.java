package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.GraphQlWsSession;
import dev.omnigate.gateway.support.TestClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's examples, read from the README itself, work in the sandbox with the demo keys it names: every GraphQL
 * query block with the key its text gives (support for personal data, frontend for the catalogue), the subscription with
 * the partner key, and the curl example as written.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=10s"
})
final class ReadmeExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path README = Path.of("..", "README.md");

    @LocalServerPort
    int port;

    private static List<String> blocks(String language) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyQueryBlockAnswersWithoutErrorsWithTheDemoKeyOfItsRole() throws Exception {
        List<String> queries = blocks("graphql").stream().filter(block -> !block.strip().startsWith("subscription")).toList();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(2);
        for (String query : queries) {
            String key = query.contains("customer360") || query.contains("orders") ? SandboxClients.SUPPORT_KEY : SandboxClients.FRONTEND_KEY;

            HttpResponse<String> response = post(key, JSON.writeValueAsString(Map.of("query", query)));

            assertThat(response.statusCode()).as(query).isEqualTo(200);
            assertThat(response.body()).as(query).doesNotContain("\"errors\"");
        }
    }

    @Test
    void theSubscriptionBlockRunsWithThePartnerKey() throws Exception {
        String subscription = blocks("graphql").stream().filter(block -> block.strip().startsWith("subscription")).findFirst().orElseThrow();
        try (GraphQlWsSession session = new GraphQlWsSession(port, subscription, SandboxClients.PARTNER_KEY)) {
            assertThat(session.messages.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS)).as("accepted, no error").isNull();
        }
    }

    @Test
    void theCurlExampleWorksAsWritten() throws Exception {
        String curl = blocks("bash").stream().filter(block -> block.contains("curl -s localhost:8080/graphql")).findFirst().orElseThrow();
        Matcher key = Pattern.compile("Authorization: Bearer (og_[A-Za-z0-9_-]+)").matcher(curl);
        Matcher body = Pattern.compile("-d '(.*)'", Pattern.DOTALL).matcher(curl);
        assertThat(key.find()).isTrue();
        assertThat(body.find()).isTrue();

        HttpResponse<String> response = post(key.group(1), body.group(1));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(response.body(), "$.data.customer360.metrics.orderCount")).isEqualTo(6);
    }
}
