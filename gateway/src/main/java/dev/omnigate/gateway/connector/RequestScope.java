package dev.omnigate.gateway.connector;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.CallContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One client request as connector calls see it: its id (for logs and vendor correlation headers) and its
 * deadline, fixed when the request started so that every connector call of every level of the query shares
 * one time budget.
 *
 * @param requestId safe to log; never derived from client data other than a well-formed X-Request-Id
 * @param startedAt when the request started
 * @param deadline when the client stops waiting for connector data
 * @param clock the clock both refer to
 * @param staleServes where the entity cache notes each answer it served past its freshness (thread-safe; the
 *     response reports them in {@code extensions.stale})
 * @param itemFailures records connectors reported as failed inside successful batch answers (thread-safe)
 * @param failureLog what the scope's failures wrote to the log: one line per account and error category, however
 *     many calls fail (thread-safe)
 * @param spend the vendor calls the request actually made and the rate-limit permits it took (thread-safe)
 * @param client who the request is for, as rate limiters count shares ({@link #GATEWAY} for the gateway's own work:
 *     polls, revalidations, health checks)
 */
public record RequestScope(String requestId, Instant startedAt, Instant deadline, Clock clock, StaleServes staleServes,
        ItemFailures itemFailures, FailureLog failureLog, UpstreamSpend spend, String client) {

    /** The client of the gateway's own calls. */
    public static final String GATEWAY = "(gateway)";

    public RequestScope {
        requireNonNull(requestId, "requestId is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(deadline, "deadline is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(staleServes, "staleServes is null");
        requireNonNull(itemFailures, "itemFailures is null");
        requireNonNull(failureLog, "failureLog is null");
        requireNonNull(spend, "spend is null");
        client = client == null ? GATEWAY : client;
    }

    /**
     * A scope of the gateway's own work starting now with the given budget; a random id when {@code requestId} is null.
     * Its failures are logged as they happen, each account and category once ({@link FailureLog#immediate}).
     */
    public static RequestScope start(String requestId, Duration budget, Clock clock) {
        return start(requestId, GATEWAY, budget, clock, false);
    }

    /** A scope of a client's calls starting now, logged as they happen (outside a GraphQL request: tests, tools). */
    public static RequestScope start(String requestId, String client, Duration budget, Clock clock) {
        return start(requestId, client, budget, clock, false);
    }

    /**
     * The scope of a client request, whose owner calls {@code failureLog().close()} when the request is done: each
     * account's failures of one category are then logged once, with their count ({@link FailureLog#deferred}).
     */
    public static RequestScope forRequest(String requestId, String client, Duration budget, Clock clock) {
        return start(requestId, client, budget, clock, true);
    }

    private static RequestScope start(String requestId, String client, Duration budget, Clock clock, boolean deferLogging) {
        Instant now = clock.instant();
        String id = requestId == null ? UUID.randomUUID().toString() : requestId;
        return new RequestScope(id, now, now.plus(budget), clock, new StaleServes(), new ItemFailures(),
                deferLogging ? FailureLog.deferred(id) : FailureLog.immediate(id), new UpstreamSpend(), client);
    }

    /** The context for one call to one account. */
    public CallContext callContext(String accountId) {
        return new CallContext(requestId, accountId, deadline, clock, (key, failure) -> itemFailures.add(accountId, key, failure));
    }

    /** A copy whose deadline is the earlier of this one and {@code budget} from now (for health probes). */
    public RequestScope narrowedTo(Duration budget) {
        Instant narrowed = clock.instant().plus(budget);
        return new RequestScope(requestId, startedAt, narrowed.isBefore(deadline) ? narrowed : deadline, clock, staleServes,
                itemFailures, failureLog, spend, client);
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
