package dev.omnigate.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One answer that contained personal data: who asked, in which request, about which customers, and which kinds of
 * data, never the values. Written as one JSON line (see {@link AuditJson}).
 *
 * @param time when the answer was sent
 * @param client the client id
 * @param clientName the client's display name
 * @param authMethod {@code API_KEY} or {@code JWT}
 * @param requestId the request id ({@code X-Request-Id})
 * @param operation the operation name the client gave; null for an anonymous operation
 * @param transport {@code http}, {@code sse} or {@code websocket}
 * @param customers the Customer global ids whose personal data the answer held, at most {@link #MAX_CUSTOMERS}
 * @param customersTruncated whether there were more
 * @param classes the kinds of personal data ({@code NAME}, {@code EMAIL}, {@code PHONE}, {@code ADDRESS})
 * @param fields the fields that held it, e.g. {@code Customer.emails}
 */
public record PiiAuditRecord(Instant time, String client, String clientName, String authMethod, String requestId, String operation,
        String transport, List<String> customers, boolean customersTruncated, List<String> classes, List<String> fields) {

    /** The most customer ids one record lists. */
    public static final int MAX_CUSTOMERS = 1_000;

    public PiiAuditRecord {
        Objects.requireNonNull(time, "time is null");
        Objects.requireNonNull(client, "client is null");
        customers = List.copyOf(customers);
        classes = List.copyOf(classes);
        fields = List.copyOf(fields);
    }
}
