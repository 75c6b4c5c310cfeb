package dev.omnigate.connector.toolkit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.read.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class PagingTest {

    /** A clock tests move by hand, so deadlines pass without sleeping. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static CallContext context(Clock clock, Duration timeout) {
        return new CallContext("req-1", "acct", clock.instant().plus(timeout), clock);
    }

    @Test
    void followsCursorsUntilTheLastPage() {
        Map<String, Page<Integer>> pages = new java.util.HashMap<>();
        pages.put("start", new Page<>(List.of(1, 2), "c1"));
        pages.put("c1", new Page<>(List.of(3), "c2"));
        pages.put("c2", Page.last(List.of(4)));
        List<String> asked = new ArrayList<>();
        List<Integer> all = Paging.collectAll(context(Clock.systemUTC(), Duration.ofMinutes(1)), "test op", 10, cursor -> {
            asked.add(cursor);
            return pages.get(cursor == null ? "start" : cursor);
        });
        assertThat(all).containsExactly(1, 2, 3, 4);
        assertThat(asked).containsExactly(null, "c1", "c2");
    }

    @Test
    void aRepeatedCursorIsABadResponse() {
        assertThatThrownBy(() -> Paging.collectAll(context(Clock.systemUTC(), Duration.ofMinutes(1)), "test op", 10,
                cursor -> new Page<>(List.of(1), "same")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("test op").contains("repeated");
                });
    }

    @Test
    void tooManyPagesIsABadResponse() {
        int[] calls = {0};
        assertThatThrownBy(() -> Paging.collectAll(context(Clock.systemUTC(), Duration.ofMinutes(1)), "test op", 3,
                cursor -> new Page<>(List.of(1), "c" + ++calls[0])))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.getMessage()).contains("more than 3 pages"));
        assertThat(calls[0]).isEqualTo(3);
    }

    @Test
    void stopsWithTimeoutWhenTheDeadlinePassesBetweenPages() {
        ManualClock clock = new ManualClock();
        CallContext context = context(clock, Duration.ofSeconds(1));
        int[] calls = {0};
        assertThatThrownBy(() -> Paging.collectAll(context, "test op", 10, cursor -> {
            calls[0]++;
            clock.advance(Duration.ofMillis(600)); // each page takes 600 ms of the 1 s budget
            return new Page<>(List.of(calls[0]), "c" + calls[0]);
        })).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT);
            assertThat(e.getMessage()).contains("after 2 pages");
        });
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void theFirstPageIsAlwaysFetchedSoTheCallSiteDecidesAboutExpiredDeadlines() {
        ManualClock clock = new ManualClock();
        CallContext context = context(clock, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(5));
        assertThat(Paging.collectAll(context, "test op", 10, cursor -> Page.last(List.of("only")))).containsExactly("only");
    }
}
