package dev.omnigate.connector.toolkit.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses the HTTP {@code Retry-After} header (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date.
 * Fractional seconds, which some vendors send, are accepted.
 */
public final class RetryAfter {

    /** Upper bound on any hint we act on: a broken header must not park a caller for hours. */
    public static final Duration MAX = Duration.ofMinutes(10);

    private RetryAfter() {
    }

    /**
     * @return the delay, clamped to [0, {@link #MAX}]; empty when the header is absent or unparseable
     */
    public static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            double seconds = Double.parseDouble(value);
            if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                return Optional.empty();
            }
            return Optional.of(clamp(Duration.ofMillis((long) Math.ceil(seconds * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(clamp(Duration.between(clock.instant(), at.toInstant())));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    static Duration clamp(Duration delay) {
        if (delay.isNegative()) {
            return Duration.ZERO;
        }
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
