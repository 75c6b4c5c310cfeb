package dev.omnigate.gateway.events;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.omnigate.connector.api.change.ChangeEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a {@link ChangeEvent} in the shared event log: the record's components (ids as strings, instants
 * ISO-8601, levels as integers). Unknown fields are ignored, so an older gateway still reads what a newer one wrote.
 */
final class EventJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // records are written by their components only (ChangeEvent.inventory() is derived)
            .changeDefaultVisibility(visibility -> visibility.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
            .build();

    String write(ChangeEvent event) {
        return mapper.writeValueAsString(event);
    }

    /** @throws IllegalArgumentException when the JSON is not a change event this version can read */
    ChangeEvent read(String json) {
        try {
            return mapper.readValue(json, ChangeEvent.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a change event: " + e.getOriginalMessage(), e);
        }
    }
}
