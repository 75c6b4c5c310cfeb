package dev.omnigate.connector.square;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects per-record failures of one reader call, so one bad record does not sink its batch.
 *
 * <p><strong>How a partial result is reported.</strong> A record Square sent but the connector cannot map (an unknown
 * currency, a broken timestamp) and an item a bulk endpoint answered with a per-item error (other than
 * {@code NOT_FOUND}, which simply means "absent") are left out of the result; the good records are served. When the
 * failed record's key (the id or SKU the batch method was asked for) is known, the failure is reported for that key
 * through {@link CallContext#reportItemFailure}, and the host answers that key with the typed {@code BAD_RESPONSE}
 * error. A failure without a key (a search, a list, an item error Square gives no id for) is logged at WARN (record id
 * and field, never PII); when such failures leave <em>nothing</em> served, the first is thrown (with the count of the
 * others), so a caller never gets a silent "not found". Not thread-safe: one instance per reader call.
 */
final class PartialResults {

    private static final Logger LOG = LoggerFactory.getLogger("dev.omnigate.connector.square.partial");

    private record Failure(String key, ConnectorException exception) {
    }

    private final String operation;
    private final CallContext context;
    private final List<Failure> failures = new ArrayList<>();
    private int served;

    /** For a list or a search: failures have no key. */
    PartialResults(String operation) {
        this(operation, null);
    }

    /** For a batch method: keyed failures are reported to the host through the call's context. */
    PartialResults(String operation, CallContext context) {
        this.operation = operation;
        this.context = context;
    }

    /** The mapped record, or empty (and the failure remembered) when mapping it fails. */
    <T> Optional<T> map(Supplier<T> mapping) {
        return map(null, mapping);
    }

    /** The mapped record of {@code key} (an id or SKU the batch was asked for), or empty when mapping it fails. */
    <T> Optional<T> map(String key, Supplier<T> mapping) {
        try {
            T value = mapping.get();
            if (value != null) {
                served++;
            }
            return Optional.ofNullable(value);
        } catch (ConnectorException e) {
            failures.add(new Failure(key, e));
        } catch (IllegalArgumentException | NullPointerException e) {
            // a model record refused a value Square sent (e.g. a negative quantity)
            failures.add(new Failure(key, ConnectorException.builder(ErrorCategory.BAD_RESPONSE,
                    operation + ": a record breaks the model (" + e.getClass().getSimpleName() + ")").cause(e).build()));
        }
        return Optional.empty();
    }

    /** Records that a bulk endpoint reported a per-item error for {@code itemId} (null when Square names none). */
    void itemError(String itemId, SquareError error) {
        if (error.isNotFound()) {
            return; // missing ids are absent, never errors
        }
        failures.add(new Failure(itemId, ConnectorException.builder(ErrorCategory.BAD_RESPONSE,
                operation + ": Square reported " + error.describe() + " for item " + (itemId == null ? "(unnamed)" : itemId))
                .vendorCode(error.code()).build()));
    }

    /** Counts records served without mapping (e.g. counted elsewhere). */
    void served(int count) {
        served += count;
    }

    List<ConnectorException> failures() {
        return failures.stream().map(Failure::exception).toList();
    }

    /**
     * Ends the call: reports keyed failures to the host, throws when nothing could be served and unkeyed failures
     * remain, else logs them.
     *
     * @throws ConnectorException the first unkeyed failure when no record was served
     */
    void finish() {
        List<ConnectorException> unkeyed = new ArrayList<>();
        for (Failure failure : failures) {
            if (context != null && failure.key() != null) {
                context.reportItemFailure(failure.key(), failure.exception());
            } else {
                unkeyed.add(failure.exception());
            }
        }
        if (unkeyed.isEmpty()) {
            return;
        }
        if (served == 0) {
            ConnectorException first = unkeyed.getFirst();
            if (unkeyed.size() == 1) {
                throw first;
            }
            throw ConnectorException.builder(first.category(), first.getMessage() + " (and " + (unkeyed.size() - 1)
                    + " more failed records)").vendorCode(first.vendorCode().orElse(null)).cause(first).build();
        }
        for (ConnectorException failure : unkeyed) {
            LOG.warn("{}: record left out of a partial answer: {} {}", operation, failure.category(), failure.getMessage());
        }
    }
}
