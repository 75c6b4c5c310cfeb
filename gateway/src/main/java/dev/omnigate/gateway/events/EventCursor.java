package dev.omnigate.gateway.events;

import dev.omnigate.gateway.error.BadRequestException;

/** Resume cursors: the event's sequence as an opaque-looking string ({@code e.<sequence>}). */
public final class EventCursor {

    private static final String PREFIX = "e.";

    private EventCursor() {
    }

    public static String encode(long sequence) {
        return PREFIX + sequence;
    }

    /**
     * The sequence of a cursor.
     *
     * @throws BadRequestException naming the argument when the cursor is not one the gateway handed out
     */
    public static long decode(String cursor, String argument) {
        if (cursor == null || !cursor.startsWith(PREFIX) || cursor.length() > PREFIX.length() + 19) {
            throw new BadRequestException("'" + argument + "' is not a cursor this gateway handed out");
        }
        try {
            long sequence = Long.parseLong(cursor.substring(PREFIX.length()));
            if (sequence < 0) {
                throw new NumberFormatException();
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new BadRequestException("'" + argument + "' is not a cursor this gateway handed out");
        }
    }
}
