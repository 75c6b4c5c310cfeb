package dev.omnigate.connector.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

final class RetryAfterTest {

    // RFC 9110 §5.6.7 example date; the clock sits one minute before it
    private static final Clock CLOCK = Clock.fixed(Instant.parse("1994-11-06T08:48:37Z"), ZoneOffset.UTC);

    @Test
    void parsesDelaySeconds() {
        assertThat(RetryAfter.parse("120", CLOCK)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 7 ", CLOCK)).contains(Duration.ofSeconds(7));
    }

    @Test
    void roundsFractionalSecondsUpToTheMillisecond() {
        assertThat(RetryAfter.parse("1.5", CLOCK)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse("0.0001", CLOCK)).contains(Duration.ofMillis(1));
    }

    @Test
    void parsesHttpDateRelativeToTheClock() {
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", CLOCK)).contains(Duration.ofSeconds(60));
    }

    @Test
    void httpDateInThePastMeansRetryNow() {
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", CLOCK)).contains(Duration.ZERO);
    }

    @Test
    void negativeSecondsClampToZero() {
        assertThat(RetryAfter.parse("-5", CLOCK)).contains(Duration.ZERO);
    }

    @Test
    void hugeHintsClampToTheMaximum() {
        assertThat(RetryAfter.parse("86400", CLOCK)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("Fri, 31 Dec 1999 23:59:59 GMT", CLOCK)).contains(RetryAfter.MAX);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "soon", "NaN", "Infinity", "-Infinity", "2024-01-01T00:00:00Z", "12 seconds"})
    void garbageIsIgnored(String header) {
        assertThat(RetryAfter.parse(header, CLOCK)).isEmpty();
    }
}
