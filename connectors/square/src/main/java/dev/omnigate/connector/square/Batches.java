package dev.omnigate.connector.square;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Splits oversized id sets (the host honours {@code maxBatchSize}, a direct caller may not) and checks id shapes. */
final class Batches {

    /** Square ids are opaque letters and digits (customer, order, location, catalog ids; PROTOCOLS.md §4). */
    private static final Pattern SQUARE_ID = Pattern.compile("[A-Za-z0-9_-]{1,192}");

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

    /** Whether {@code id} can be a Square id at all; other ids are absent without a call. */
    static boolean isSquareId(String id) {
        return id != null && SQUARE_ID.matcher(id).matches();
    }
}
