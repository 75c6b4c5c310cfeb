package dev.omnigate.connector.square;

import java.util.regex.Pattern;

/** The shape of Square ids. */
final class SquareIds {

    /** Square ids are opaque letters and digits (customer, order, location, catalog ids; PROTOCOLS.md §4). */
    private static final Pattern SQUARE_ID = Pattern.compile("[A-Za-z0-9_-]{1,192}");

    private SquareIds() {
    }


    /** Whether {@code id} can be a Square id at all; other ids are absent without a call. */
    static boolean isSquareId(String id) {
        return id != null && SQUARE_ID.matcher(id).matches();
    }
}
