package dev.omnigate.connector.api.read;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Ticket;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads support tickets. Obtained from {@link dev.omnigate.connector.api.Connector#tickets()}.
 *
 * @since 1.0
 */
public interface TicketReader extends BatchReader {

    /** Tickets by native id; missing ids are absent. */
    Map<String, Ticket> getByIds(CallContext context, Set<String> ids);

    /**
     * Every ticket requested by each of the given helpdesk users, newest first. Users without tickets
     * map to an empty list; unknown users are absent.
     */
    Map<String, List<Ticket>> getByRequesterIds(CallContext context, Set<String> requesterIds);
}
