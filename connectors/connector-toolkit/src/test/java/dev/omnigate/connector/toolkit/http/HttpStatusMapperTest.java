package dev.omnigate.connector.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.error.ErrorCategory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class HttpStatusMapperTest {

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "400, BAD_REQUEST", "405, BAD_REQUEST", "409, BAD_REQUEST", "413, BAD_REQUEST", "422, BAD_REQUEST",
        "418, BAD_REQUEST", "402, BAD_REQUEST", "423, BAD_REQUEST",
        "401, UNAUTHENTICATED", "407, UNAUTHENTICATED",
        "403, PERMISSION_DENIED",
        "404, NOT_FOUND", "410, NOT_FOUND",
        "408, TIMEOUT", "504, TIMEOUT",
        "429, RATE_LIMITED",
        "500, UNAVAILABLE", "502, UNAVAILABLE", "503, UNAVAILABLE", "599, UNAVAILABLE",
        "302, BAD_RESPONSE", "100, BAD_RESPONSE"
    })
    void mapsStatusToCategory(int status, ErrorCategory expected) {
        assertThat(HttpStatusMapper.categoryFor(status)).isEqualTo(expected);
    }
}
