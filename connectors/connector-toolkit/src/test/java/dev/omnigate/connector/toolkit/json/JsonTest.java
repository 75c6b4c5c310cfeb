package dev.omnigate.connector.toolkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.toolkit.http.VendorResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

final class JsonTest {

    private static VendorResponse response(String body) {
        return new VendorResponse("test orders.byIds", 200, Headers.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void textKeepsEveryDigitOfANumericIdAbove2To53() {
        // REST-style webhook bodies carry ids as JSON numbers; a double would turn this into ...441600
        JsonNode body = Json.parse(response("{\"id\": 7494049642642441621, \"small\": 42}"));
        assertThat(Json.text(body.get("id"))).isEqualTo("7494049642642441621");
        assertThat(Json.text(body.get("small"))).isEqualTo("42");
    }

    @Test
    void textKeepsIntegersBeyondLong() {
        JsonNode body = Json.parse(response("{\"id\": 123456789012345678901234567890}"));
        assertThat(Json.text(body.get("id"))).isEqualTo("123456789012345678901234567890");
    }

    @Test
    void decimalsAreReadExactly() {
        JsonNode body = Json.parse(response("{\"amount\": 11884.90, \"tiny\": 0.1}"));
        assertThat(body.get("amount").decimalValue()).isEqualTo(new BigDecimal("11884.90"));
        assertThat(Json.text(body.get("amount"))).isEqualTo("11884.90");
        assertThat(Json.text(body.get("tiny"))).isEqualTo("0.1");
    }

    @Test
    void textOfStringsBooleansAndAbsentNodes() {
        JsonNode body = Json.parse(response("{\"s\": \"gid://shopify/Customer/1\", \"b\": true, \"n\": null, \"o\": {\"a\": 1}}"));
        assertThat(Json.text(body.get("s"))).isEqualTo("gid://shopify/Customer/1");
        assertThat(Json.text(body.get("b"))).isEqualTo("true");
        assertThat(Json.text(body.get("n"))).isNull();
        assertThat(Json.text(body.get("missing"))).isNull();
        assertThat(Json.text(body.path("missing"))).isNull();
        assertThat(Json.text(body.get("o"))).isEqualTo("{\"a\":1}");
    }

    @Test
    void unknownPropertiesAreIgnoredWhenBinding() {
        record Cost(int requestedQueryCost) {
        }
        Cost cost = Json.mapper().readValue("{\"requestedQueryCost\": 3, \"addedLater\": true}", Cost.class);
        assertThat(cost.requestedQueryCost()).isEqualTo(3);
    }

    @Test
    void malformedJsonIsABadResponseThatDoesNotEchoTheBody() {
        String body = "{\"email\": \"ava.chen@example.com\", oops";
        assertThatThrownBy(() -> Json.parse(response(body)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("test orders.byIds").contains("malformed JSON")
                            .doesNotContain("ava.chen");
                });
    }

    @Test
    void emptyBodyIsABadResponse() {
        assertThatThrownBy(() -> Json.parse(response("")))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_RESPONSE));
    }
}
