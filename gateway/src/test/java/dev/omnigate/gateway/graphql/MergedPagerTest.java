package dev.omnigate.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.graphql.paging.MergedPager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The merge of several accounts' sorted streams with composite cursors, against vendors whose pages are
 * smaller than asked for: every page size visits every item once, in the global order.
 */
final class MergedPagerTest {

    private final ConnectorInvoker invoker = new ConnectorInvoker(List.of(), null);
    private final RequestScope scope = RequestScope.start("pager", Duration.ofSeconds(10), Clock.systemUTC());

    @AfterEach
    void close() {
        invoker.close();
    }

    private static ConnectorAccount account(String id) {
        FakeConnectorFactory factory = FakeConnectorFactory.builder("fake", Channel.SHOPIFY).build();
        return new ConnectorAccount("s", id, factory.descriptor(),
                factory.create(factory.descriptor().configSpec().validate(Map.of()).orElseThrow(), TestConnectorContext.of(id)));
    }

    /** A vendor stream of numbers (descending) served with a page cap, offset cursors, like a real search. */
    private static Page<Integer> page(List<Integer> stream, PageRequest request, int cap) {
        int offset = request.cursor() == null ? 0 : Integer.parseInt(request.cursor());
        int end = Math.min(stream.size(), offset + Math.min(cap, request.size()));
        return new Page<>(stream.subList(offset, end), end < stream.size() ? String.valueOf(end) : null);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 3", "3, 2", "5, 1", "7, 50", "40, 4"})
    void everyPageSizeVisitsEveryItemOnceInOrder(int first, int vendorCap) {
        Map<String, List<Integer>> streams = Map.of(
                "a", IntStream.rangeClosed(1, 13).map(n -> 100 - n * 7).boxed().toList(),
                "b", IntStream.rangeClosed(1, 9).map(n -> 100 - n * 11).boxed().toList(),
                "c", List.of());
        List<ConnectorAccount> accounts = List.of(account("a"), account("b"), account("c"));
        List<Integer> expected = new ArrayList<>();
        streams.values().forEach(expected::addAll);
        expected.sort(Comparator.reverseOrder());

        List<Integer> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            MergedPager.PageSource<Integer> source = (account, request) -> invoker.call(account, "search", scope,
                    context -> page(streams.get(account.accountId()), request, vendorCap));
            MergedPager.Result<Integer> result = MergedPager.page(accounts, "numbers", first, after, Comparator.<Integer>reverseOrder(),
                    source);
            assertThat(result.failures()).isEmpty();
            seen.addAll(result.connection().nodes());
            after = result.connection().pageInfo().hasNextPage() ? result.connection().pageInfo().endCursor() : null;
            assertThat(++pages).isLessThan(100);
        } while (after != null);

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void aFailedAccountIsAskedAgainOnTheNextPage() {
        List<ConnectorAccount> accounts = List.of(account("a"), account("b"));
        AtomicBoolean bDown = new AtomicBoolean(true);
        MergedPager.PageSource<Integer> source = (account, request) -> invoker.call(account, "search", scope, context -> {
            if (account.accountId().equals("b") && bDown.get()) {
                throw ConnectorException.of(ErrorCategory.UNAVAILABLE, "b is down");
            }
            return page(account.accountId().equals("a") ? List.of(9, 7, 5) : List.of(8, 6), request, 10);
        });

        MergedPager.Result<Integer> first = MergedPager.page(accounts, "q", 2, null, Comparator.<Integer>reverseOrder(), source);
        bDown.set(false);
        MergedPager.Result<Integer> second = MergedPager.page(accounts, "q", 10, first.connection().pageInfo().endCursor(),
                Comparator.<Integer>reverseOrder(), source);

        assertThat(first.connection().nodes()).containsExactly(9, 7);
        assertThat(first.failures()).singleElement().satisfies(failure -> assertThat(failure.accountId()).isEqualTo("b"));
        assertThat(first.connection().pageInfo().hasNextPage()).isTrue();
        assertThat(second.connection().nodes()).containsExactly(8, 6, 5);
        assertThat(second.failures()).isEmpty();
    }
}
