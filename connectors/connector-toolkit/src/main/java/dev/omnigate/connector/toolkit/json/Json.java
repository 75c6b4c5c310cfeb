package dev.omnigate.connector.toolkit.json;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.toolkit.http.VendorResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one configured Jackson mapper for connectors.
 *
 * <ul>
 *   <li>Decimals are read as {@link java.math.BigDecimal}: money never passes through a double.</li>
 *   <li>Integers beyond {@code long} become {@link java.math.BigInteger}; ids must be read with
 *       {@link #text(JsonNode)}, which keeps every digit of a numeric id above 2^53.</li>
 *   <li>Unknown properties are ignored: vendors add fields to released API versions.</li>
 * </ul>
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses a vendor body.
     *
     * @throws ConnectorException {@code BAD_RESPONSE} naming the operation, status and size (never the body)
     */
    public static JsonNode parse(VendorResponse response) {
        try {
            JsonNode node = MAPPER.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw malformed(response, "an empty body");
            }
            return node;
        } catch (JacksonException e) {
            throw ConnectorException.builder(ErrorCategory.BAD_RESPONSE, response.operation()
                    + ": vendor sent malformed JSON (HTTP " + response.status() + ", " + response.body().length + " bytes)")
                    .cause(e).build();
        }
    }

    private static ConnectorException malformed(VendorResponse response, String what) {
        return ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                response.operation() + ": vendor sent " + what + " (HTTP " + response.status() + ")");
    }

    /**
     * The text of a scalar node, with numbers rendered exactly (a numeric id keeps all its digits);
     * null for a missing or null node.
     */
    public static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.decimalValue().toPlainString();
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
