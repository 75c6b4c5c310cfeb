package dev.omnigate.connector.toolkit.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class HttpCallsTest {

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final OkHttpClient client = HttpClients.shared();

    private Request request(String path) {
        return new Request.Builder().url(WIREMOCK.baseUrl() + path).build();
    }

    @Test
    void returnsTheAnswerWhateverItsStatus() {
        WIREMOCK.stubFor(get(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "3").withBody("{\"error\":\"maintenance\"}")));
        VendorResponse response = HttpCalls.execute(client, request("/down"), CallContext.withTimeout("acct", Duration.ofSeconds(5)),
                "test status");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.isSuccessful()).isFalse();
        assertThat(response.bodyText()).isEqualTo("{\"error\":\"maintenance\"}");
        assertThat(response.header("retry-after")).contains("3");
    }

    @Test
    void aSlowVendorBeyondTheDeadlineIsATimeoutThatReturnsBeforeTheAnswer() {
        int vendorDelayMs = 5_000;
        WIREMOCK.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withBody("{}")
                .withFixedDelay(vendorDelayMs)));
        long started = System.nanoTime();
        assertThatThrownBy(() -> HttpCalls.execute(client, request("/slow"),
                CallContext.withTimeout("acct", Duration.ofMillis(300)), "test slow"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT);
                    assertThat(e.getMessage()).contains("test slow").contains("deadline");
                });
        // loose bound: the call gave up at the deadline instead of waiting for the vendor's answer
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(vendorDelayMs));
    }

    @Test
    void anExpiredDeadlineSendsNothing() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        CallContext expired = new CallContext("r", "acct", clock.instant().minusSeconds(1), clock);
        assertThatThrownBy(() -> HttpCalls.execute(client, request("/anything"), expired, "test expired"))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT));
        assertThat(WIREMOCK.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Request request = new Request.Builder().url("http://127.0.0.1:" + closedPort + "/x").build();
        assertThatThrownBy(() -> HttpCalls.execute(client, request, CallContext.withTimeout("acct", Duration.ofSeconds(5)),
                "test refused"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("test refused").contains(String.valueOf(closedPort));
                });
    }

    @Test
    void aResetOrCutConnectionIsUnavailableAndItsMessageNamesNoExceptionClass() {
        WIREMOCK.stubFor(get(urlPathEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        WIREMOCK.stubFor(get(urlPathEqualTo("/cut")).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        for (String path : new String[] {"/reset", "/cut"}) {
            assertThatThrownBy(() -> HttpCalls.execute(client, request(path), CallContext.withTimeout("acct", Duration.ofSeconds(5)),
                    "test " + path))
                    .as(path)
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
                        // clients read this sentence: plain words, the exception stays the cause for the log
                        assertThat(e.getMessage()).contains("transport failure talking to ")
                                .doesNotContain("Exception").doesNotContain("java.");
                        assertThat(e.getCause()).isInstanceOf(IOException.class);
                    });
        }
    }

    @Test
    void errorMessagesNeverContainTheQueryString() {
        WIREMOCK.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withFixedDelay(3_000)));
        Request signed = new Request.Builder().url(WIREMOCK.baseUrl() + "/slow?sign=TOPSECRETSIGNATURE").build();
        assertThatThrownBy(() -> HttpCalls.execute(client, signed, CallContext.withTimeout("acct", Duration.ofMillis(200)),
                "test signed"))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("TOPSECRETSIGNATURE"));
    }

    @Test
    void failureOfA429CarriesCategoryVendorDetailsAndRetryAfter() {
        WIREMOCK.stubFor(get(urlPathEqualTo("/throttled")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "2").withHeader("x-request-id", "abc-123")));
        VendorResponse response = HttpCalls.execute(client, request("/throttled"),
                CallContext.withTimeout("acct", Duration.ofSeconds(5)), "test throttled");
        ConnectorException failure = response.failure("QuotaExceeded", "x".repeat(1000), "x-request-id", Clock.systemUTC());
        assertThat(failure.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(failure.vendorCode()).contains("QuotaExceeded");
        assertThat(failure.vendorRequestId()).contains("abc-123");
        assertThat(failure.getMessage()).startsWith("test throttled: HTTP 429 QuotaExceeded - ").endsWith("...")
                .hasSizeLessThan(400);
    }
}
