package dev.omnigate.simulator.shopify;

import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.validation.ValidationError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify's error bodies. Shapes and wording follow {@code captures/2025-01__admin-platform__graphql-base-validation-unhappy-paths.json}
 * (parse and validation errors, HTTP 200), the Omnigate Shopify contract (401, THROTTLED, MAX_COST_EXCEEDED) and
 * graphql-ruby's messages, which Shopify's API is built on, for validation rules the capture does not cover.
 */
final class ShopifyErrors {

    static final String RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/rate-limits";
    static final String UNAUTHORIZED = "[API] Invalid API key or access token (unrecognized login or wrong password)";

    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Field '(.+)' in type '(.+)' is undefined");
    private static final Pattern SUBSELECTION_REQUIRED = Pattern.compile("Subselection required for type '(.+)' of field '(.+)'");
    private static final Pattern SUBSELECTION_NOT_ALLOWED = Pattern.compile("Sub selection not allowed on leaf type '(.+)' of field '(.+)'");
    private static final Pattern UNKNOWN_ARGUMENT = Pattern.compile("Unknown field argument '(.+)'");
    private static final Pattern MISSING_ARGUMENT = Pattern.compile("Missing field argument '(.+)'");
    private static final Pattern WRONG_ARGUMENT = Pattern.compile("argument '(.+)' with value '(.*)' is not a valid '(.+?)'");
    private static final Pattern UNDEFINED_VARIABLE = Pattern.compile("Undefined variable '(.+)'");
    private static final Pattern UNUSED_VARIABLE = Pattern.compile("Unused variable '(.+)'");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unknown type '(.+)'");

    private ShopifyErrors() {
    }

    /** {@code {"errors": "<message>"}}: the plain-string form Shopify uses for HTTP-level failures. */
    static Map<String, Object> plain(String message) {
        return Map.of("errors", message);
    }

    static Map<String, Object> error(String message, List<SourceLocation> locations, List<Object> path,
            Map<String, Object> extensions) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (locations != null && !locations.isEmpty()) {
            error.put("locations", locations.stream().map(l -> Map.of("line", l.getLine(), "column", l.getColumn())).toList());
        }
        if (path != null && !path.isEmpty()) {
            error.put("path", path);
        }
        if (extensions != null && !extensions.isEmpty()) {
            error.put("extensions", extensions);
        }
        return error;
    }

    /**
     * A syntax error as Shopify's parser words it: {@code syntax error, unexpected end of file at [3, 5]}; at the
     * end of input the location is the start of the last token, as in the capture.
     */
    static Map<String, Object> parseError(InvalidSyntaxException e, String query) {
        String token = e.getOffendingToken();
        int line;
        int column;
        String unexpected;
        if (token == null || token.equals("<EOF>")) {
            int[] last = lastTokenStart(query);
            line = last[0];
            column = last[1];
            unexpected = "end of file";
        } else {
            SourceLocation location = e.getLocation();
            line = location == null ? 1 : location.getLine();
            column = location == null ? 1 : location.getColumn();
            unexpected = "\"" + token + "\"";
        }
        return error("syntax error, unexpected " + unexpected + " at [" + line + ", " + column + "]",
                List.of(new SourceLocation(line, column)), null, Map.of("code", "PARSE_ERROR"));
    }

    private static int[] lastTokenStart(String query) {
        int end = query.length() - 1;
        while (end >= 0 && (Character.isWhitespace(query.charAt(end)) || query.charAt(end) == ',')) {
            end--;
        }
        if (end < 0) {
            return new int[] {1, 1};
        }
        int start = end;
        if (isNameChar(query.charAt(end))) {
            while (start > 0 && isNameChar(query.charAt(start - 1))) {
                start--;
            }
        }
        int line = 1;
        int column = 1;
        for (int i = 0; i < start; i++) {
            if (query.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Maps graphql-java's validation errors to graphql-ruby's wording and codes. */
    static List<Map<String, Object>> validation(List<ValidationError> errors, OperationDefinition operation) {
        String root = operation == null ? "query" : operation.getOperation().name().toLowerCase(java.util.Locale.ROOT)
                + (operation.getName() == null ? "" : " " + operation.getName());
        List<Map<String, Object>> mapped = new ArrayList<>();
        for (ValidationError e : errors) {
            String description = e.getDescription() == null ? e.getMessage() : e.getDescription();
            List<Object> path = new ArrayList<>();
            path.add(root);
            if (e.getQueryPath() != null) {
                path.addAll(e.getQueryPath());
            }
            Map<String, Object> ext = new LinkedHashMap<>();
            String message = description;
            Matcher m;
            if ((m = UNKNOWN_FIELD.matcher(description)).find()) {
                message = "Field '" + m.group(1) + "' doesn't exist on type '" + m.group(2) + "'";
                ext.put("code", "undefinedField");
                ext.put("typeName", m.group(2));
                ext.put("fieldName", m.group(1));
            } else if ((m = SUBSELECTION_REQUIRED.matcher(description)).find()) {
                String type = m.group(1).replaceAll("[\\[\\]!]", "");
                message = "Field must have selections (field '" + m.group(2) + "' returns " + type
                        + " but has no selections. Did you mean '" + m.group(2) + " { ... }'?)";
                ext.put("code", "selectionMismatch");
                ext.put("nodeName", "field '" + m.group(2) + "'");
                ext.put("typeName", type);
            } else if ((m = SUBSELECTION_NOT_ALLOWED.matcher(description)).find()) {
                String type = m.group(1).replaceAll("[\\[\\]!]", "");
                message = "Selections can't be made on scalars (field '" + m.group(2) + "' returns " + type
                        + " but has selections)";
                ext.put("code", "selectionMismatch");
                ext.put("nodeName", "field '" + m.group(2) + "'");
                ext.put("typeName", type);
            } else if ((m = UNKNOWN_ARGUMENT.matcher(description)).find()) {
                String field = lastField(e);
                message = "Field '" + field + "' doesn't accept argument '" + m.group(1) + "'";
                ext.put("code", "argumentNotAccepted");
                ext.put("name", field);
                ext.put("typeName", "Field");
                ext.put("argumentName", m.group(1));
            } else if ((m = MISSING_ARGUMENT.matcher(description)).find()) {
                String field = lastField(e);
                message = "Field '" + field + "' is missing required arguments: " + m.group(1);
                ext.put("code", "missingRequiredArguments");
                ext.put("className", "Field");
                ext.put("name", field);
                ext.put("arguments", m.group(1));
            } else if ((m = WRONG_ARGUMENT.matcher(description)).find()) {
                String field = lastField(e);
                message = "Argument '" + m.group(1) + "' on Field '" + field + "' has an invalid value (" + m.group(2)
                        + "). Expected type '" + m.group(3) + "'.";
                ext.put("code", "argumentLiteralsIncompatible");
                ext.put("typeName", "Field");
                ext.put("argumentName", m.group(1));
            } else if ((m = UNDEFINED_VARIABLE.matcher(description)).find()) {
                message = "Variable $" + m.group(1) + " is used by " + operationLabel(operation) + " but not declared";
                ext.put("code", "variableNotDefined");
                ext.put("variableName", m.group(1));
            } else if ((m = UNUSED_VARIABLE.matcher(description)).find()) {
                message = "Variable $" + m.group(1) + " is declared by " + operationLabel(operation) + " but not used";
                ext.put("code", "variableNotUsed");
                ext.put("variableName", m.group(1));
            } else if ((m = UNKNOWN_TYPE.matcher(description)).find()) {
                message = "No such type " + m.group(1) + ", so it can't be a fragment condition";
                ext.put("code", "undefinedType");
                ext.put("typeName", m.group(1));
            } else {
                ext.put("code", "validationError");
            }
            mapped.add(error(message, e.getLocations(), path, ext));
        }
        return mapped;
    }

    private static String lastField(ValidationError e) {
        List<String> path = e.getQueryPath();
        return path == null || path.isEmpty() ? "?" : path.getLast();
    }

    private static String operationLabel(OperationDefinition operation) {
        return operation == null || operation.getName() == null ? "anonymous query" : operation.getName();
    }

    /** {@code Variable $id of type ID! was provided invalid value} with graphql-ruby's {@code problems} list. */
    static Map<String, Object> invalidVariable(String name, String type, Object value, String explanation,
            SourceLocation location) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", "INVALID_VARIABLE");
        ext.put("value", value);
        ext.put("problems", List.of(Map.of("path", List.of(), "explanation", explanation)));
        return error("Variable $" + name + " of type " + type + " was provided invalid value",
                location == null ? null : List.of(location), null, ext);
    }

    /** Shopify's answer when the bucket cannot pay for the query (HTTP 200). */
    static Map<String, Object> throttled(int requestedCost, ThrottleBucket.Status status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error("Throttled", null, null,
                Map.of("code", "THROTTLED", "documentation", RATE_LIMIT_DOCS))));
        body.put("extensions", Map.of("cost", cost(requestedCost, null, status)));
        return body;
    }

    /** A single query over the per-query limit (HTTP 200), in Shopify's wording. */
    static Map<String, Object> maxCostExceeded(int requestedCost, int maxCost, ThrottleBucket.Status status) {
        String message = "Query cost is " + requestedCost + ", which exceeds the single query max cost limit (" + maxCost
                + ").\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n"
                + "cost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations "
                + "should be used instead.\nSee https://shopify.dev/api/usage/bulk-operations/queries for usage details.\n";
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", "MAX_COST_EXCEEDED");
        ext.put("cost", requestedCost);
        ext.put("maxCost", maxCost);
        ext.put("documentation", RATE_LIMIT_DOCS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error(message, null, null, ext)));
        body.put("extensions", Map.of("cost", cost(requestedCost, null, status)));
        return body;
    }

    /** {@code extensions.cost} as in {@code captures/2025-01__customers__customer-detail.json}. */
    static Map<String, Object> cost(int requested, Integer actual, ThrottleBucket.Status status) {
        Map<String, Object> throttle = new LinkedHashMap<>();
        throttle.put("maximumAvailable", status.maximumAvailable());
        throttle.put("currentlyAvailable", status.currentlyAvailable());
        double rate = status.restoreRate();
        throttle.put("restoreRate", rate == Math.rint(rate) ? (Object) (long) rate : (Object) rate);
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", requested);
        cost.put("actualQueryCost", actual);
        cost.put("throttleStatus", throttle);
        return cost;
    }

    /** Shopify's generic internal error; the request id lets a log line be found without leaking details. */
    static Map<String, Object> internal(String requestId, List<Object> path) {
        return error("Internal error. Looks like something went wrong on our end.\nRequest ID: " + requestId
                + " (include this in support requests).", null, path,
                Map.of("code", "INTERNAL_SERVER_ERROR", "requestId", requestId));
    }
}
