package dev.omnigate.connector.api.read;

/**
 * Which page of a search to return.
 *
 * @param size the most items wanted, at least 1; a reader may return fewer (and caps it at its vendor's
 *     maximum page size)
 * @param cursor the {@link Page#nextCursor()} of the previous page, or null for the first page
 * @since 1.0
 */
public record PageRequest(int size, String cursor) {

    public PageRequest {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be at least 1, but was " + size);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, null);
    }

    public PageRequest next(String nextCursor) {
        return new PageRequest(size, nextCursor);
    }
}
