package dev.omnigate.connector.testkit;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One search the kit runs page by page: the query, the page size it asks for, and the native ids it
 * expects across all pages, in the reader's documented order. The expected ids must span at least two
 * pages so that cursor following is exercised.
 *
 * @param description what the search is about, shown in failure messages
 * @param query the reader's query value (e.g. a {@code CustomerQuery})
 * @param pageSize the page size requested
 * @param expectedIds native ids expected across all pages, in order
 */
public record SearchCase<Q>(String description, Q query, int pageSize, List<String> expectedIds) {

    public SearchCase {
        requireNonNull(description, "description is null");
        requireNonNull(query, "query is null");
        expectedIds = List.copyOf(expectedIds);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, but was " + pageSize);
        }
        if (expectedIds.size() <= pageSize) {
            throw new IllegalArgumentException("search '" + description + "' must span at least two pages: "
                    + expectedIds.size() + " expected ids with page size " + pageSize);
        }
    }
}
