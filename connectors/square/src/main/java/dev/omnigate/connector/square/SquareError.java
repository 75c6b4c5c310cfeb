package dev.omnigate.connector.square;

import dev.omnigate.connector.toolkit.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One entry of Square's {@code errors} array ({@code Error} schema in {@code square/api.json}: {@code category} and
 * {@code code} required, {@code detail} and {@code field} optional).
 *
 * <p>{@link #describe()} leaves out {@code detail}: Square's details may repeat request values such as an email
 * address, and messages must never carry PII.
 *
 * @param category e.g. {@code INVALID_REQUEST_ERROR}, {@code RATE_LIMIT_ERROR}
 * @param code e.g. {@code NOT_FOUND}, {@code RATE_LIMITED}
 * @param detail Square's human-readable text; kept for debugging, never put in a message
 * @param field the request field the error is about, or null
 */
record SquareError(String category, String code, String detail, String field) {

    /** The errors of a body's {@code errors} array (empty when absent or not an array). */
    static List<SquareError> of(JsonNode body) {
        List<SquareError> errors = new ArrayList<>();
        if (body == null) {
            return errors;
        }
        for (JsonNode error : body.path("errors")) {
            if (error.isObject()) {
                errors.add(new SquareError(Json.text(error.get("category")), Json.text(error.get("code")),
                        Json.text(error.get("detail")), Json.text(error.get("field"))));
            }
        }
        return errors;
    }

    boolean isNotFound() {
        return "NOT_FOUND".equals(code);
    }

    /** {@code CODE (CATEGORY) field x}, without the detail. */
    String describe() {
        return (code == null ? "UNKNOWN_CODE" : code) + " (" + (category == null ? "no category" : category) + ")"
                + (field == null ? "" : " on field " + field);
    }
}
