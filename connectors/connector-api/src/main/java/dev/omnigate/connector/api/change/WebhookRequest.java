package dev.omnigate.connector.api.change;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A vendor's HTTP notification exactly as the gateway received it.
 *
 * @param url the full URL the vendor was configured to call (Square signs it)
 * @param headers request headers; names compare case-insensitively through {@link #header}
 * @param body the raw body bytes, unmodified (signatures are computed over them)
 * @param receivedAt when the gateway received it, for replay windows
 * @since 1.0
 */
public record WebhookRequest(String url, Map<String, List<String>> headers, byte[] body, Instant receivedAt) {

    public WebhookRequest {
        requireNonNull(url, "url is null");
        requireNonNull(headers, "headers is null");
        requireNonNull(body, "body is null");
        requireNonNull(receivedAt, "receivedAt is null");
        TreeMap<String, List<String>> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> folded.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        headers = java.util.Collections.unmodifiableMap(folded);
        body = body.clone();
    }

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A copy of the raw body. */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
