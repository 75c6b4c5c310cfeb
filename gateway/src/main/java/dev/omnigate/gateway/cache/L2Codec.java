package dev.omnigate.gateway.cache;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.model.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.core.StreamWriteFeature;

/**
 * The L2 wire format of one cache entry: a JSON envelope {@code {"v":1,"op":"prices.getBySkus","at":"…","value":…}}
 * holding the SPI record (or list of records) of the operation, {@code null} for "the vendor said this id does not
 * exist", and when it was stored (so ages, and with them fresh / stale-while-revalidate / stale-if-error, are the same
 * on every instance). A value this version cannot read — another format version, another operation, a record whose
 * shape changed, garbage — decodes to empty: the caller drops it and asks the vendor, never failing the request.
 */
final class L2Codec {

    /** Raised whenever the envelope or a stored record changes incompatibly; older entries are then dropped. */
    static final int FORMAT_VERSION = 1;

    /** A decoded entry; {@code value} null means absent at the vendor. */
    record Stored(Object value, Instant storedAt) {
    }

    private final JsonMapper mapper = JsonMapper.builder()
            // money and ids are BigDecimal / String in the records; plain notation keeps "1E+2" out of the store
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // a field added by a newer gateway must not make the older one drop the entry
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // records are written by their components only: Money.isZero() or EmailAddress.isRelay() are derived
            .changeDefaultVisibility(visibility -> visibility.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
            .build();

    private final Map<String, JavaType> types = Map.of(
            "inventory.getBySkus", list(InventoryLevel.class),
            "prices.getBySkus", list(Price.class),
            "locations.getByIds", mapper.constructType(Location.class),
            "customers.getByIds", mapper.constructType(Customer.class),
            "orders.getByIds", mapper.constructType(Order.class),
            "orders.getByCustomerIds", list(Order.class),
            "tickets.getByIds", mapper.constructType(Ticket.class),
            "tickets.getByRequesterIds", list(Ticket.class));

    private JavaType list(Class<?> element) {
        return mapper.getTypeFactory().constructCollectionType(List.class, element);
    }

    /** The envelope of {@code value} (null = absent), or empty when it cannot be written (then it is kept in L1 only). */
    Optional<String> encode(String operation, Object value, Instant storedAt) {
        if (!types.containsKey(operation)) {
            return Optional.empty();
        }
        try {
            ObjectNode envelope = mapper.createObjectNode();
            envelope.put("v", FORMAT_VERSION);
            envelope.put("op", operation);
            envelope.put("at", storedAt.toString());
            envelope.set("value", mapper.valueToTree(value));
            return Optional.of(mapper.writeValueAsString(envelope));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The entry stored as {@code json} for {@code operation}, or empty when this version cannot read it. */
    Optional<Stored> decode(String operation, String json) {
        JavaType type = types.get(operation);
        if (type == null || json == null) {
            return Optional.empty();
        }
        try {
            JsonNode envelope = mapper.readTree(json);
            if (!envelope.isObject() || envelope.path("v").asInt(-1) != FORMAT_VERSION || !operation.equals(envelope.path("op").asString(null))) {
                return Optional.empty();
            }
            Instant storedAt = Instant.parse(envelope.path("at").asString(""));
            JsonNode value = envelope.get("value");
            if (value == null) {
                return Optional.empty();
            }
            if (value.isNull()) {
                return Optional.of(new Stored(null, storedAt));
            }
            Object decoded = mapper.readerFor(type).readValue(value);
            // lists from the vendor are immutable; keep it so for values that came through Redis
            return Optional.of(new Stored(decoded instanceof List<?> list ? List.copyOf(list) : decoded, storedAt));
        } catch (RuntimeException e) { // Jackson 3 exceptions, record validation, a bad timestamp: all mean "cannot read"
            return Optional.empty();
        }
    }

    /** Writes a small message (the invalidation broadcast). */
    String write(Object message) {
        return mapper.writeValueAsString(message);
    }

    /** Reads a small message, or empty when it is not one this version understands. */
    <T> Optional<T> read(String json, Class<T> type) {
        try {
            return Optional.ofNullable(mapper.readValue(json, type));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
