package dev.omnigate.gateway.connector;

import dev.omnigate.connector.api.error.ErrorCategory;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one request's failures wrote to the log, so that a request whose calls fail many times writes one line per
 * account and error category (and one per kind of unexpected failure), never one per call: a query asking one broken
 * account for hundreds of chunks must not write hundreds of WARN lines.
 *
 * <p>Guarantees: for each key ({@code account, category} of connector calls; the exception class of unexpected
 * failures while resolving fields) at most one line is written per request. A <em>deferring</em> log (a GraphQL
 * request's, which {@link #close()}s when the request is done) writes it at {@link #close()}, with how many failures
 * it stands for and where they happened (at most {@value #MAX_PLACES} operations or paths); a non-deferring log (polls,
 * health probes, background refreshes) writes it at the first failure and only counts the repeats. A failure of a key
 * that arrives after {@link #close()} (a call abandoned at the deadline) is written at once unless its key was already
 * written. The first failure's message and stack trace are kept, the others only counted. Thread-safe.
 */
public final class FailureLog {

    static final int MAX_PLACES = 5;

    private static final Logger CALLS = LoggerFactory.getLogger(ConnectorInvoker.class);

    private record Key(String subject, String kind) {
    }

    private static final class Tally {
        private final Logger logger;
        private final boolean error;
        private final String line;
        private final String repeats;
        private final Throwable cause;
        private final AtomicInteger count = new AtomicInteger();
        private final Set<String> places = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean written = new AtomicBoolean();

        Tally(Logger logger, boolean error, String line, String repeats, Throwable cause) {
            this.logger = logger;
            this.error = error;
            this.line = line;
            this.repeats = repeats;
            this.cause = cause;
        }

        void add(String place) {
            count.incrementAndGet();
            if (places.size() < MAX_PLACES) {
                places.add(place);
            }
        }

        /** Writes the line unless it was written already. */
        void writeOnce() {
            if (!written.compareAndSet(false, true)) {
                return;
            }
            int more = count.get() - 1;
            String text = more <= 0 ? line
                    : line + " (and " + more + " more " + repeats + " in this request" + (places.size() > 1 ? ": " + String.join(", ",
                            places.stream().sorted().toList()) : "") + ")";
            if (error) {
                logger.error("{}", text, cause);
            } else {
                logger.warn("{}", text);
            }
        }
    }

    private final String requestId;
    private final boolean deferred;
    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private FailureLog(String requestId, boolean deferred) {
        this.requestId = requestId;
        this.deferred = deferred;
    }

    /** Writes each key's line at its first failure. */
    public static FailureLog immediate(String requestId) {
        return new FailureLog(requestId, false);
    }

    /** Writes each key's line when the request is done ({@link #close()}), with the count. */
    public static FailureLog deferred(String requestId) {
        return new FailureLog(requestId, true);
    }

    /**
     * A failed connector call.
     *
     * @param message the connector's own words for the operator (never secrets or PII, per the SPI) and what caused them
     * @param unexpected the connector's bug, when it threw something other than a {@code ConnectorException}: logged
     *     at ERROR with its stack trace
     */
    void connectorCall(ConnectorAccount account, String operation, ErrorCategory category, String message, Throwable unexpected) {
        String call = "[" + requestId + "] account " + account.accountId() + " (" + account.connectorId() + ") " + operation;
        String line = unexpected != null ? call + " failed unexpectedly" : call + " failed: " + category + " " + message;
        record(new Key(account.accountId(), category.name()), operation,
                () -> new Tally(CALLS, unexpected != null, line, category + " failures of this account", unexpected));
    }

    /** An unexpected exception while resolving a field (a gateway bug), logged at ERROR with its stack trace. */
    public void unexpected(Logger logger, String path, Throwable exception) {
        record(new Key("", exception.getClass().getName()), path,
                () -> new Tally(logger, true, "[" + requestId + "] unexpected failure resolving " + path, "such failures", exception));
    }

    private void record(Key key, String place, Supplier<Tally> first) {
        Tally tally = tallies.computeIfAbsent(key, ignored -> first.get());
        tally.add(place);
        // read after the tally is in the map: either close() sees the tally or this sees closed
        if (!deferred || closed) {
            tally.writeOnce();
        }
    }

    /** The request is done: writes every line not yet written. Idempotent. */
    public void close() {
        closed = true;
        tallies.values().forEach(Tally::writeOnce);
    }
}
