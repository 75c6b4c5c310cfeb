package dev.omnigate.connector.api.read;

import java.util.List;
import java.util.Optional;

/**
 * One page of search results.
 *
 * @param items the items, in the reader's documented order
 * @param nextCursor opaque cursor for the next page; null when this is the last page
 * @since 1.0
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
