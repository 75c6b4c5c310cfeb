package dev.omnigate.gateway.graphql.paging;

import dev.omnigate.gateway.error.BadRequestException;

/** Validates paging arguments before any connector is called. */
public final class PageArgs {

    /** The schema's default {@code first}. */
    public static final int DEFAULT_FIRST = 20;

    private PageArgs() {
    }

    /**
     * @param first the client's {@code first}; null (an explicit null) means the default
     * @return the page size
     * @throws BadRequestException when negative or larger than the maximum
     */
    public static int first(Integer first, int maxPageSize) {
        int value = first == null ? Math.min(DEFAULT_FIRST, maxPageSize) : first;
        if (value < 0 || value > maxPageSize) {
            throw new BadRequestException("'first' must be between 0 and " + maxPageSize + ", but was " + value);
        }
        return value;
    }
}
