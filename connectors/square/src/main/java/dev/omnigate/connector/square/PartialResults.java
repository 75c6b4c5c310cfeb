package dev.omnigate.connector.square;

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
 * <p><strong>How a partial result is reported.</strong> The SPI's batch methods return plain maps and {@link
 * dev.omnigate.connector.api.read.Page}s: there is no slot for an error next to a key. So a record Square sent but
 * the connector cannot map (an unknown currency, a broken timestamp) and an item a bulk endpoint answered with a
 * per-item error (other than {@code NOT_FOUND}, which simply means "absent") are left out of the result, and each is
 * logged at WARN with its typed {@code BAD_RESPONSE} message (record id and field, never PII). The good records are
 * served. When a call yields failures and <em>no</em> good record, the first failure is thrown (with the count of
 * the others), so a caller asking for one broken record gets a typed error rather than a silent "not found".
 * Not thread-safe: one instance per reader call.
 */
final class PartialResults {

    private static final Logger LOG = LoggerFactory.getLogger("dev.omnigate.connector.square.partial");

    private final String operation;
    private final List<ConnectorException> failures = new ArrayList<>();
    private int served;

    PartialResults(String operation) {
        this.operation = operation;
    }

    /** The mapped record, or empty (and the failure remembered) when mapping it fails. */
    <T> Optional<T> map(Supplier<T> mapping) {
        try {
            T value = mapping.get();
            if (value != null) {
                served++;
            }
            return Optional.ofNullable(value);
        } catch (ConnectorException e) {
            failures.add(e);
        } catch (IllegalArgumentException | NullPointerException e) {
            // a model record refused a value Square sent (e.g. a negative quantity)
            failures.add(ConnectorException.builder(ErrorCategory.BAD_RESPONSE,
                    operation + ": a record breaks the model (" + e.getClass().getSimpleName() + ")").cause(e).build());
        }
        return Optional.empty();
    }

    /** Records that a bulk endpoint reported a per-item error for {@code itemId}. */
    void itemError(String itemId, SquareError error) {
        if (error.isNotFound()) {
            return; // missing ids are absent, never errors
        }
        failures.add(ConnectorException.builder(ErrorCategory.BAD_RESPONSE,
                operation + ": Square reported " + error.describe() + " for item " + itemId).vendorCode(error.code()).build());
    }

    /** Counts records served without mapping (e.g. counted elsewhere). */
    void served(int count) {
        served += count;
    }

    List<ConnectorException> failures() {
        return List.copyOf(failures);
    }

    /**
     * Ends the call: throws when nothing could be served but something failed, else logs each failure.
     *
     * @throws ConnectorException the first failure when no record was served
     */
    void finish() {
        if (failures.isEmpty()) {
            return;
        }
        if (served == 0) {
            ConnectorException first = failures.getFirst();
            if (failures.size() == 1) {
                throw first;
            }
            throw ConnectorException.builder(first.category(), first.getMessage() + " (and " + (failures.size() - 1)
                    + " more failed records)").vendorCode(first.vendorCode().orElse(null)).cause(first).build();
        }
        for (ConnectorException failure : failures) {
            LOG.warn("{}: record left out of a partial answer: {} {}", operation, failure.category(), failure.getMessage());
        }
    }
}
