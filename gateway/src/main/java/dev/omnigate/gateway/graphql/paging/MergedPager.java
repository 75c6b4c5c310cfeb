package dev.omnigate.gateway.graphql.paging;

import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.gateway.connector.AccountFailure;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.error.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages through several accounts' searches as one sequence: a k-way merge of the accounts' result streams by
 * a comparator (orders: newest first), with a composite opaque cursor.
 *
 * <p>The cursor records, per account, the vendor cursor of the page the next item comes from, how many items
 * of that page were already returned, and whether the account is exhausted. Continuing re-reads that page and
 * skips what was returned, so the gateway keeps no state between requests and every edge has its own exact
 * cursor. Each account is asked only for as many items as the page still needs. An account that fails keeps
 * its position (it is asked again on the next page) and is reported; the other accounts' items are returned.
 *
 * <p>Runs blocking: call it from {@link ConnectorInvoker#orchestrate}.
 */
public final class MergedPager {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int VERSION = 1;
    /** Guards against a connector that keeps answering empty pages with a next cursor. */
    private static final int MAX_REFILLS = 32;

    private MergedPager() {
    }

    /** Fetches one page of one account's search (normally through {@link ConnectorInvoker#call}). */
    @FunctionalInterface
    public interface PageSource<T> {
        CompletableFuture<Page<T>> fetch(ConnectorAccount account, PageRequest request);
    }

    /** The merged page and the accounts that failed. */
    public record Result<T>(Connection<T> connection, List<AccountFailure> failures) {
    }

    /** The serialised cursor: version, query fingerprint, position per account. */
    record CursorState(int v, String q, Map<String, Position> a) {
    }

    /** One account's position: the page cursor (null = first page), items consumed from it, exhausted. */
    record Position(String c, int s, boolean d) {
        Position consumedOne() {
            return new Position(c, s + 1, d);
        }
    }

    private static final class Buffer<T> {
        private final List<T> items;
        private final String next;

        Buffer(List<T> items, String next) {
            this.items = new ArrayList<>(items);
            this.next = next;
        }
    }

    /**
     * @param accounts the accounts to merge, in a fixed order (ties of the comparator go to the earlier one)
     * @param queryKey identifies the query; a cursor made for another query is refused
     * @param first page size (already validated)
     * @param after the previous page's end cursor, or null
     * @param order the merge order of items
     */
    public static <T> Result<T> page(List<ConnectorAccount> accounts, String queryKey, int first, String after, Comparator<T> order,
            PageSource<T> source) {
        String fingerprint = Integer.toHexString(queryKey.hashCode());
        Map<String, Position> positions = decode(after, fingerprint);
        for (ConnectorAccount account : accounts) {
            positions.putIfAbsent(account.accountId(), new Position(null, 0, false));
        }
        positions.keySet().retainAll(accounts.stream().map(ConnectorAccount::accountId).toList());
        List<AccountFailure> failures = new ArrayList<>();
        if (first == 0) {
            boolean more = positions.values().stream().anyMatch(position -> !position.d());
            return new Result<>(Connection.of(List.of(), more, after != null), failures);
        }

        Map<String, Buffer<T>> buffers = new LinkedHashMap<>();
        List<ConnectorAccount> toFetch = accounts.stream().filter(account -> !positions.get(account.accountId()).d()).toList();
        fill(toFetch, positions, buffers, failures, first, source);

        List<Edge<T>> edges = new ArrayList<>();
        int refills = 0;
        while (edges.size() < first) {
            int needed = first - edges.size();
            List<ConnectorAccount> refill = accounts.stream()
                    .filter(account -> {
                        Buffer<T> buffer = buffers.get(account.accountId());
                        return buffer != null && buffer.items.isEmpty() && !positions.get(account.accountId()).d();
                    })
                    .toList();
            if (!refill.isEmpty() && refills++ < MAX_REFILLS) {
                refill.forEach(account -> buffers.remove(account.accountId()));
                fill(refill, positions, buffers, failures, needed, source);
                continue;
            }
            ConnectorAccount chosen = null;
            for (ConnectorAccount account : accounts) {
                Buffer<T> buffer = buffers.get(account.accountId());
                if (buffer == null || buffer.items.isEmpty()) {
                    continue;
                }
                if (chosen == null || order.compare(buffer.items.getFirst(), buffers.get(chosen.accountId()).items.getFirst()) < 0) {
                    chosen = account;
                }
            }
            if (chosen == null) {
                break;
            }
            String id = chosen.accountId();
            Buffer<T> buffer = buffers.get(id);
            T item = buffer.items.removeFirst();
            Position position = positions.get(id).consumedOne();
            if (buffer.items.isEmpty()) {
                // the page is used up: point at the next one (or mark the end) so the cursor never re-reads it
                position = buffer.next == null ? new Position(position.c(), position.s(), true) : new Position(buffer.next, 0, false);
            }
            positions.put(id, position);
            edges.add(new Edge<>(encode(fingerprint, positions), item));
        }
        boolean hasNext = accounts.stream().anyMatch(account -> {
            Buffer<T> buffer = buffers.get(account.accountId());
            return (buffer != null && !buffer.items.isEmpty()) || !positions.get(account.accountId()).d();
        });
        return new Result<>(Connection.of(edges, hasNext, after != null), failures);
    }

    private static <T> void fill(List<ConnectorAccount> accounts, Map<String, Position> positions, Map<String, Buffer<T>> buffers,
            List<AccountFailure> failures, int needed, PageSource<T> source) {
        Map<ConnectorAccount, CompletableFuture<Page<T>>> calls = new LinkedHashMap<>();
        for (ConnectorAccount account : accounts) {
            Position position = positions.get(account.accountId());
            calls.put(account, source.fetch(account, new PageRequest(Math.max(1, position.s() + needed), position.c())));
        }
        calls.forEach((account, call) -> {
            Position position = positions.get(account.accountId());
            try {
                Page<T> page = call.join();
                List<T> items = page.items().size() > position.s() ? page.items().subList(position.s(), page.items().size()) : List.of();
                if (items.isEmpty() && !page.hasNext()) {
                    positions.put(account.accountId(), new Position(position.c(), position.s(), true));
                } else if (items.isEmpty()) {
                    positions.put(account.accountId(), new Position(page.nextCursor(), 0, false));
                }
                buffers.put(account.accountId(), new Buffer<>(items, page.nextCursor()));
            } catch (CompletionException e) {
                AccountFailure failure = ConnectorInvoker.failureOf(e);
                if (!failures.contains(failure)) {
                    failures.add(failure);
                }
            }
        });
    }

    private static String encode(String fingerprint, Map<String, Position> positions) {
        String json = JSON.writeValueAsString(new CursorState(VERSION, fingerprint, new LinkedHashMap<>(positions)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Position> decode(String after, String fingerprint) {
        Map<String, Position> positions = new LinkedHashMap<>();
        if (after == null) {
            return positions;
        }
        CursorState state;
        try {
            state = JSON.readValue(Base64.getUrlDecoder().decode(after), CursorState.class);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new BadRequestException("'after' is not a cursor of this list");
        }
        if (state == null || state.v() != VERSION || state.a() == null) {
            throw new BadRequestException("'after' is not a cursor of this list");
        }
        if (!fingerprint.equals(state.q())) {
            throw new BadRequestException("'after' is a cursor of a different query or filter");
        }
        state.a().forEach((account, position) -> {
            if (position == null || position.s() < 0) {
                throw new BadRequestException("'after' is not a cursor of this list");
            }
            positions.put(account, position);
        });
        return positions;
    }
}
