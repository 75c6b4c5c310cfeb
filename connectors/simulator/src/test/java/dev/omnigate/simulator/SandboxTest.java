package dev.omnigate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

final class SandboxTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static int shopQuery(URI baseUrl, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/admin/api/2026-04/graphql.json"))
                .header("Content-Type", "application/json").header("X-Shopify-Access-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ shop { myshopifyDomain } }\"}")).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void describesTheShopifyAccountAConnectorNeeds() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
            assertThat(sandbox.accounts()).extracting(SimulatedAccount::connectorId).contains("shopify").doesNotHaveDuplicates();
            assertThat(sandbox.accounts()).extracting(SimulatedAccount::accountId).doesNotHaveDuplicates();
            SimulatedAccount account = sandbox.account("shopify");
            assertThat(account.connectorId()).isEqualTo("shopify");
            assertThat(account.accountId()).isEqualTo("demo-shopify");
            assertThat(account.baseUrl().getHost()).isEqualTo("127.0.0.1");
            Map<String, String> config = account.connectorConfig();
            assertThat(config).containsOnlyKeys("shop-domain", "base-url", "api-version", "access-token", "webhook-secret");
            assertThat(config).containsEntry("shop-domain", "omnigate-demo.myshopify.com").containsEntry("api-version", "2026-04")
                    .containsEntry("base-url", account.baseUrl().toString());
            assertThat(config.get("access-token")).startsWith("shpat_").hasSize(38);
            assertThat(config.get("webhook-secret")).hasSize(64);
            assertThat(shopQuery(account.baseUrl(), config.get("access-token"))).isEqualTo(200);
            assertThat(sandbox.world().ava().email()).isEqualTo("ava.chen@example.com");
            assertThat(sandbox.world().seed()).isEqualTo(SandboxOptions.DEFAULT_SEED);
            assertThatThrownBy(() -> sandbox.account("no-such-vendor")).isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("no-such-vendor");
        }
    }

    @Test
    void everyStartMakesUpItsOwnCredentials() throws Exception {
        try (Sandbox one = Sandbox.start(SandboxOptions.defaults()); Sandbox two = Sandbox.start(SandboxOptions.defaults())) {
            Map<String, String> first = one.account("shopify").connectorConfig();
            Map<String, String> second = two.account("shopify").connectorConfig();
            assertThat(first.get("access-token")).isNotEqualTo(second.get("access-token"));
            assertThat(first.get("webhook-secret")).isNotEqualTo(second.get("webhook-secret"));
            assertThat(one.account("shopify").baseUrl()).isNotEqualTo(two.account("shopify").baseUrl());
            assertThat(shopQuery(one.shopify().baseUrl(), second.get("access-token"))).isEqualTo(401);
            assertThat(one.world()).isEqualTo(two.world());
        }
    }

    @Test
    void honoursAFixedPortAndStopsServingOnClose() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withPorts(Map.of("shopify", port)));
        URI baseUrl = sandbox.shopify().baseUrl();
        String token = sandbox.account("shopify").connectorConfig().get("access-token");
        assertThat(baseUrl.getPort()).isEqualTo(port);
        assertThat(shopQuery(baseUrl, token)).isEqualTo(200);
        sandbox.close();
        sandbox.close();
        // a fresh client: a pooled keep-alive connection could fail differently from a refused connect
        HttpClient fresh = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/admin/api/2026-04/graphql.json"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThatThrownBy(() -> fresh.send(request, HttpResponse.BodyHandlers.discarding())).isInstanceOf(ConnectException.class);
    }

    @Test
    void rejectsImpossiblePorts() {
        assertThatThrownBy(() -> SandboxOptions.defaults().withPorts(Map.of("shopify", 70_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shopify").hasMessageContaining("70000");
    }
}
