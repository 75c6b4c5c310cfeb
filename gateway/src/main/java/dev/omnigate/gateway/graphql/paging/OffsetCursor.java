package dev.omnigate.gateway.graphql.paging;

import dev.omnigate.gateway.error.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Cursors over a list the gateway holds in full (a profile's orders or tickets): base64url of
 * {@code off1:<index of the next item>}.
 */
public final class OffsetCursor {

    private static final String PREFIX = "off1:";

    private OffsetCursor() {
    }

    public static String encode(int nextIndex) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + nextIndex).getBytes(StandardCharsets.UTF_8));
    }

    /** The index to continue from; 0 for a null cursor. */
    public static int decode(String after) {
        if (after == null) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (plain.startsWith(PREFIX) && plain.substring(PREFIX.length()).matches("\\d{1,9}")) {
                return Integer.parseInt(plain.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the uniform error below
        }
        throw new BadRequestException("'after' is not a cursor of this list");
    }

    /** One page of {@code all}, from {@code after}, with per-edge cursors. */
    public static <T> Connection<T> page(List<T> all, int first, String after) {
        int start = decode(after);
        List<Edge<T>> edges = new ArrayList<>();
        int end = Math.min(all.size(), start + first);
        for (int index = start; index < end; index++) {
            edges.add(new Edge<>(encode(index + 1), all.get(index)));
        }
        return Connection.of(edges, end < all.size(), start > 0);
    }
}
