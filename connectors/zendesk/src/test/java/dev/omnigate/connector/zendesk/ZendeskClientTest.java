package dev.omnigate.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.TicketStatus;
import dev.omnigate.connector.toolkit.http.VendorResponse;
import dev.omnigate.connector.zendesk.mapping.ZendeskTicketMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** Zendesk's error shapes and status table, beyond the kit's generic failures. */
final class ZendeskClientTest {

    private static ConnectorException failure(int status, String body, Headers headers) {
        VendorResponse response = new VendorResponse("zendesk users.search", status, headers, body.getBytes(StandardCharsets.UTF_8));
        Throwable thrown = catchThrowable(() -> ZendeskClient.interpret(response, Clock.systemUTC()));
        assertThat(thrown).isInstanceOf(ConnectorException.class);
        return (ConnectorException) thrown;
    }

    @Test
    void theClassicShapeGivesItsCodeButNeverTheDescriptionWhichMayEchoTheQuery() {
        ConnectorException e = failure(422, "{\"error\":\"InvalidSearch\",\"description\":\"no match for ava.chen@example.com\"}",
                Headers.of());
        assertThat(e.category()).isEqualTo(ErrorCategory.BAD_REQUEST);
        assertThat(e.vendorCode()).contains("InvalidSearch");
        assertThat(e.getMessage()).doesNotContain("ava.chen@example.com");
    }

    @Test
    void theJsonApiShapeGivesCodeAndTitle() {
        ConnectorException e = failure(400, "{\"errors\":[{\"code\":\"InvalidPaginationParameter\",\"title\":\"Invalid pagination\","
                + "\"detail\":\"page[size] for ava.chen@example.com\"}]}", Headers.of());
        assertThat(e.vendorCode()).contains("InvalidPaginationParameter");
        assertThat(e.getMessage()).contains("Invalid pagination").doesNotContain("ava.chen");
    }

    @Test
    void unknownSubdomainIsAConfigProblemAndA503CarriesItsRetryHint() {
        assertThat(failure(404, "{\"error\":{\"title\":\"No help desk at omnigate-typo.zendesk.com\"}}", Headers.of()).category())
                .isEqualTo(ErrorCategory.CONFIG);
        ConnectorException unavailable = failure(503, "<html>maintenance</html>", Headers.of("Retry-After", "30"));
        assertThat(unavailable.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
        assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void aTwoHundredThatIsNotAnObjectIsABadResponse() {
        assertThat(failure(200, "[1,2]", Headers.of()).category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
    }

    @Test
    void rateLimitHeadersAreRead() {
        VendorResponse response = new VendorResponse("op", 200, Headers.of("X-Rate-Limit", "700", "X-Rate-Limit-Remaining", "12"),
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(ZendeskClient.rateLimit(response)).contains(new ZendeskClient.RateLimit(700, 12));
    }

    @Test
    void everyOasStatusMapsAndAnythingElseIsUnknown() {
        assertThat(ZendeskTicketMapper.status("new")).isEqualTo(TicketStatus.NEW);
        assertThat(ZendeskTicketMapper.status("open")).isEqualTo(TicketStatus.OPEN);
        assertThat(ZendeskTicketMapper.status("pending")).isEqualTo(TicketStatus.PENDING);
        assertThat(ZendeskTicketMapper.status("hold")).isEqualTo(TicketStatus.ON_HOLD);
        assertThat(ZendeskTicketMapper.status("solved")).isEqualTo(TicketStatus.SOLVED);
        assertThat(ZendeskTicketMapper.status("Closed")).isEqualTo(TicketStatus.CLOSED);
        assertThat(ZendeskTicketMapper.status("deleted")).isEqualTo(TicketStatus.UNKNOWN);
    }
}
