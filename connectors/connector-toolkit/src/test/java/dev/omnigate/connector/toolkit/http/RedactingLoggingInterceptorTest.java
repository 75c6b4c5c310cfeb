package dev.omnigate.connector.toolkit.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.omnigate.connector.api.CallContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class RedactingLoggingInterceptorTest {

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void redactsCredentialAndPiiParametersCaseInsensitively() {
        RedactingLoggingInterceptor interceptor = new RedactingLoggingInterceptor("redaction-test");
        HttpUrl url = HttpUrl.get("https://open-api.example.com/order/202309/orders?app_key=abc&Sign=deadbeef"
                + "&access_token=tok123&page_size=20&buyer_email=ava.chen%40example.com");
        String redacted = interceptor.redact(url);
        assertThat(redacted).doesNotContain("deadbeef", "tok123", "ava.chen")
                .contains("page_size=20", "app_key=abc", "Sign=%3Credacted%3E", "access_token=%3Credacted%3E");
    }

    @Test
    void extraParametersAreRedactedToo() {
        RedactingLoggingInterceptor interceptor = new RedactingLoggingInterceptor("redaction-test", Set.of("Shop_Cipher", "X-Key"));
        String redacted = interceptor.redact(HttpUrl.get("https://x.example.com/p?x-key=zzz&keep=1"));
        assertThat(redacted).doesNotContain("zzz").contains("keep=1");
    }

    @Test
    void logsMethodRedactedUrlAndStatusButNeverHeadersOrBodies() {
        // simplelogger.properties (test resources) enables DEBUG for this connector's http logger
        WIREMOCK.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"email\":\"ava.chen@example.com\"}")));
        OkHttpClient client = HttpClients.shared().newBuilder()
                .addInterceptor(new RedactingLoggingInterceptor("redaction-test"))
                .build();
        Request request = new Request.Builder()
                .url(WIREMOCK.baseUrl() + "/admin/orders.json?access_token=SUPERSECRET&limit=5")
                .header("X-Shopify-Access-Token", "HEADERSECRET")
                .build();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            HttpCalls.execute(client, request, CallContext.withTimeout("acct", Duration.ofSeconds(5)), "test log");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("GET").contains("/admin/orders.json").contains("limit=5").contains("201")
                .doesNotContain("SUPERSECRET").doesNotContain("HEADERSECRET").doesNotContain("ava.chen");
    }
}
