package dev.omnigate.connector.toolkit.paging;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.read.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Follows vendor cursors until the last page, within a deadline.
 */
public final class Paging {

    private Paging() {
    }

    /**
     * Fetches page after page ({@code fetch} gets null for the first page, then each page's next cursor)
     * and returns every item.
     *
     * @param maxPages a guard against endless paging; exceeding it is a {@code BAD_RESPONSE}
     * @throws ConnectorException {@code TIMEOUT} when the deadline passes between pages (no silent
     *     partial answer), {@code BAD_RESPONSE} when the vendor repeats a cursor
     */
    public static <T> List<T> collectAll(CallContext context, String operation, int maxPages,
            Function<String, Page<T>> fetch) {
        List<T> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        for (int pageNumber = 1; ; pageNumber++) {
            if (pageNumber > 1 && context.isExpired()) {
                throw ConnectorException.of(ErrorCategory.TIMEOUT,
                        operation + ": deadline passed after " + (pageNumber - 1) + " pages");
            }
            Page<T> page = fetch.apply(cursor);
            items.addAll(page.items());
            if (!page.hasNext()) {
                return items;
            }
            if (!seen.add(page.nextCursor())) {
                throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, operation + ": vendor repeated a page cursor");
            }
            if (pageNumber >= maxPages) {
                throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                        operation + ": more than " + maxPages + " pages; refusing to page further");
            }
            cursor = page.nextCursor();
        }
    }
}
