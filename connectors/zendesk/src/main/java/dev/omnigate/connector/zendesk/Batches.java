package dev.omnigate.connector.zendesk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits oversized id sets: the host honours {@code maxBatchSize}, but a direct caller may not. */
final class Batches {

    private Batches() {
    }

    /** {@code items} in order, in chunks of at most {@code size}. */
    static <T> List<List<T>> of(Collection<T> items, int size) {
        List<T> all = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }
}
