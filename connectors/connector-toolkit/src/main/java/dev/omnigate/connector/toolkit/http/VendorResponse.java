package dev.omnigate.connector.toolkit.http;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A vendor's HTTP answer, fully read and closed.
 *
 * @param operation what we asked for, e.g. {@code shopify customers.search}; used in error messages
 * @param status HTTP status
 * @param headers response headers
 * @param body response body bytes
 */
public record VendorResponse(String operation, int status, Headers headers, byte[] body) {

    private static final int MAX_VENDOR_MESSAGE = 300;

    public VendorResponse {
        requireNonNull(operation, "operation is null");
        requireNonNull(headers, "headers is null");
        requireNonNull(body, "body is null");
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The categorised exception for a failed answer: category from the status ({@link HttpStatusMapper}),
     * {@code Retry-After} parsed for 429 and 503, and the vendor's code, message and request id attached.
     *
     * @param vendorCode the vendor's error code from the body, or null
     * @param vendorMessage the vendor's error message from the body, or null; truncated, never echoed in full
     * @param requestIdHeader the header carrying the vendor's request id (e.g. {@code x-amzn-RequestId}), or null
     */
    public ConnectorException failure(String vendorCode, String vendorMessage, String requestIdHeader, Clock clock) {
        ErrorCategory category = HttpStatusMapper.categoryFor(status);
        return failure(category, vendorCode, vendorMessage, requestIdHeader, clock);
    }

    /** As {@link #failure(String, String, String, Clock)} with a category the vendor's body decided. */
    public ConnectorException failure(ErrorCategory category, String vendorCode, String vendorMessage,
            String requestIdHeader, Clock clock) {
        StringBuilder message = new StringBuilder(operation).append(": HTTP ").append(status);
        if (vendorCode != null) {
            message.append(' ').append(vendorCode);
        }
        if (vendorMessage != null && !vendorMessage.isBlank()) {
            String trimmed = vendorMessage.strip();
            message.append(" - ").append(trimmed.length() > MAX_VENDOR_MESSAGE
                    ? trimmed.substring(0, MAX_VENDOR_MESSAGE) + "..." : trimmed);
        }
        ConnectorException.Builder builder = ConnectorException.builder(category, message.toString())
                .vendorCode(vendorCode)
                .vendorRequestId(requestIdHeader == null ? null : headers.get(requestIdHeader));
        if (status == 429 || status == 503 || category == ErrorCategory.RATE_LIMITED) {
            RetryAfter.parse(headers.get("Retry-After"), clock).ifPresent(builder::retryAfter);
        }
        return builder.build();
    }
}
