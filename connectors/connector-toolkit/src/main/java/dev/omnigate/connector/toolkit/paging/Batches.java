package dev.omnigate.connector.toolkit.paging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits oversized id sets: the host honours {@code maxBatchSize}, but a direct caller may not. */
public final class Batches {

    private Batches() {
    }

    /** {@code items} in order, in chunks of at most {@code size} (at least 1). */
    public static <T> List<List<T>> of(Collection<T> items, int size) {
        int chunk = Math.max(1, size);
        List<T> all = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += chunk) {
            chunks.add(all.subList(from, Math.min(all.size(), from + chunk)));
        }
        return chunks;
    }
}
