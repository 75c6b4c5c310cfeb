package dev.omnigate.simulator.shopify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.ParseAndValidate;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /admin/api/{version}/graphql.json}: Shopify's Admin GraphQL endpoint over the demo shop. Runs, in
 * order: fault injection, route and API version (404), method (405), {@code X-Shopify-Access-Token} (401),
 * {@code Content-Type} (415), body size (413), body shape (400), then GraphQL parse, validation, variables, cost
 * (MAX_COST_EXCEEDED, THROTTLED) and execution, each failure in Shopify's shape.
 */
final class ShopifyGraphQLEndpoint implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ShopifyGraphQLEndpoint.class);
    private static final Pattern PATH = Pattern.compile("/admin/api/([^/]+)/graphql\\.json");
    /**
     * API versions answered. Assumption (documented in the README): a version outside this list gets 404 like an
     * unknown route; real Shopify answers unknown version strings with 404 and serves retired versions with the
     * oldest supported one, which the simulator does not imitate.
     */
    static final Set<String> SUPPORTED_VERSIONS = Set.of("2025-01", "2025-04", "2025-07", "2025-10", "2026-01",
            "2026-04", "2026-07", "2026-10", "unstable");
    private static final String REQUEST_ID = "omnigate.shopify.requestId";
    private static final String DOCUMENT = "omnigate.shopify.document";
    private static final Map<String, Object> BAD_BODY = Map.of("errors", Map.of("query", "Required parameter missing or invalid"));

    private final GraphQLSchema schema;
    private final GraphQL graphQL;
    private final String accessToken;
    private final ThrottleBucket bucket;
    private final RequestCounters counters;
    private final FaultInjector faults;
    private final ShopifySimulatorOptions options;
    private final JsonMapper json = JsonMapper.builder().build();
    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> VARIABLES = new tools.jackson.core.type.TypeReference<>() {
    };

    ShopifyGraphQLEndpoint(GraphQLSchema schema, String accessToken, ThrottleBucket bucket, RequestCounters counters,
            FaultInjector faults, ShopifySimulatorOptions options) {
        this.schema = schema;
        this.accessToken = accessToken;
        this.bucket = bucket;
        this.counters = counters;
        this.faults = faults;
        this.options = options;
        this.graphQL = GraphQL.newGraphQL(schema)
                .instrumentation(new QueryCost.Actual())
                .defaultDataFetcherExceptionHandler(new ExceptionHandler())
                // the document was parsed and validated before the cost check; execution reuses it
                .preparsedDocumentProvider((in, parse) -> CompletableFuture.completedFuture(
                        new PreparsedDocumentEntry((Document) in.getGraphQLContext().get(DOCUMENT))))
                .build();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        try {
            serve(exchange, requestId);
        } catch (RuntimeException e) {
            LOG.warn("Shopify simulator failed on request {}", requestId, e);
            respond(exchange, 500, ShopifyErrors.plain("Internal Server Error"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, ShopifyErrors.plain("Service Unavailable"));
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, String requestId) throws IOException, InterruptedException {
        counters.countRequest();
        Fault fault = faults.poll();
        if (fault instanceof Fault.Delay(var delay)) {
            Thread.sleep(delay);
        } else if (fault instanceof Fault.ServiceUnavailable) {
            respond(exchange, 503, ShopifyErrors.plain("Service Unavailable"));
            return;
        }
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches() || !SUPPORTED_VERSIONS.contains(path.group(1))) {
            respond(exchange, 404, ShopifyErrors.plain("Not Found"));
            return;
        }
        exchange.getResponseHeaders().set("X-Shopify-API-Version", path.group(1));
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            respond(exchange, 405, ShopifyErrors.plain("Method Not Allowed: use POST"));
            return;
        }
        String token = exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token");
        // constant-time comparison: the answer must not reveal how much of a guessed token was right
        if (token == null || !java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                accessToken.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            respond(exchange, 401, ShopifyErrors.plain(ShopifyErrors.UNAUTHORIZED));
            return;
        }
        String contentType = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!contentType.equals("application/json") && !contentType.equals("application/graphql")) {
            respond(exchange, 415, ShopifyErrors.plain("Unsupported Media Type: send application/json or application/graphql"));
            return;
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            // the rest of the body stays unread on the socket: close it so no client reuses a desynchronised connection
            exchange.getResponseHeaders().set("Connection", "close");
            respond(exchange, 413, ShopifyErrors.plain("Request body exceeds " + options.maxRequestBytes() + " bytes"));
            return;
        }
        GraphQLRequest request = contentType.equals("application/graphql")
                ? new GraphQLRequest(new String(body, java.nio.charset.StandardCharsets.UTF_8), null, Map.of())
                : parseJsonBody(body);
        if (request == null || request.query() == null || request.query().isBlank()) {
            respond(exchange, 400, BAD_BODY);
            return;
        }
        respond(exchange, 200, execute(request, fault instanceof Fault.Throttled, requestId));
    }

    private record GraphQLRequest(String query, String operationName, Map<String, Object> variables) {
    }

    private GraphQLRequest parseJsonBody(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject() || !node.path("query").isString()) {
                return null;
            }
            JsonNode variables = node.path("variables");
            if (variables.isString()) {
                // some clients send variables as a JSON string; Rails decodes it, so do we
                variables = json.readTree(variables.asString());
            }
            Map<String, Object> vars = variables == null || variables.isMissingNode() || variables.isNull()
                    ? Map.of() : variables.isObject() ? json.convertValue(variables, VARIABLES) : null;
            if (vars == null) {
                return null;
            }
            JsonNode operationName = node.path("operationName");
            return new GraphQLRequest(node.path("query").asString(),
                    operationName.isString() ? operationName.asString() : null, vars);
        } catch (JacksonException e) {
            return null;
        }
    }

    private Map<String, Object> execute(GraphQLRequest request, boolean throttleFault, String requestId) {
        Document document;
        try {
            document = Parser.parse(request.query());
        } catch (InvalidSyntaxException e) {
            return Map.of("errors", List.of(ShopifyErrors.parseError(e, request.query())));
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition operation = selectOperation(operations, request.operationName());
        if (operation == null) {
            String message = operations.isEmpty() ? "No operations in query document"
                    : request.operationName() == null ? "An operation name is required"
                    : "No operation named \"" + request.operationName() + "\"";
            return Map.of("errors", List.of(ShopifyErrors.error(message, null, null, null)));
        }
        List<Field> rootFields = fieldsOf(operation.getSelectionSet(), document);
        rootFields.forEach(f -> counters.countRootField(f.getName()));
        if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
            return Map.of("errors", unsupportedOperation(operation, rootFields));
        }
        List<ValidationError> invalid = ParseAndValidate.validate(schema, document);
        if (!invalid.isEmpty()) {
            return Map.of("errors", ShopifyErrors.validation(invalid, operation));
        }
        List<Map<String, Object>> variableErrors = checkVariables(operation, request.variables());
        if (!variableErrors.isEmpty()) {
            return Map.of("errors", variableErrors);
        }
        int requested = QueryCost.requested(schema, document, operation, request.variables());
        if (requested > options.maxQueryCost()) {
            return ShopifyErrors.maxCostExceeded(requested, options.maxQueryCost(), bucket.status());
        }
        if (throttleFault) {
            ThrottleBucket.Status real = bucket.status();
            return ShopifyErrors.throttled(requested, new ThrottleBucket.Status(real.maximumAvailable(), 0, real.restoreRate()));
        }
        if (!bucket.tryConsume(requested)) {
            return ShopifyErrors.throttled(requested, bucket.status());
        }
        AtomicInteger actual = new AtomicInteger();
        List<Map<String, Object>> searchWarnings = Collections.synchronizedList(new ArrayList<>());
        Map<Object, Object> context = new HashMap<>();
        context.put(QueryCost.Actual.KEY, actual);
        context.put(ShopifySchema.SEARCH_WARNINGS, searchWarnings);
        context.put(REQUEST_ID, requestId);
        context.put(DOCUMENT, document);
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(operation.getName())
                .variables(request.variables())
                .graphQLContext(context)
                .build();
        ExecutionResult result = graphQL.execute(input);
        int actualCost = Math.min(requested, actual.get());
        bucket.refund(requested - actualCost);
        Map<String, Object> response = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            response.put("errors", result.getErrors().stream().map(ShopifyGraphQLEndpoint::toShopify).toList());
        }
        response.put("data", result.getData());
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("cost", ShopifyErrors.cost(requested, actualCost, bucket.status()));
        if (!searchWarnings.isEmpty()) {
            extensions.put("search", List.copyOf(searchWarnings));
        }
        response.put("extensions", extensions);
        return response;
    }

    private static OperationDefinition selectOperation(List<OperationDefinition> operations, String name) {
        if (name == null) {
            return operations.size() == 1 ? operations.getFirst() : null;
        }
        return operations.stream().filter(o -> name.equals(o.getName())).findFirst().orElse(null);
    }

    /** The simulator is read-only: mutations and subscriptions name fields its schema does not have. */
    private static List<Map<String, Object>> unsupportedOperation(OperationDefinition operation, List<Field> rootFields) {
        String type = operation.getOperation() == OperationDefinition.Operation.MUTATION ? "Mutation" : "Subscription";
        String root = operation.getOperation().name().toLowerCase(Locale.ROOT)
                + (operation.getName() == null ? "" : " " + operation.getName());
        return rootFields.stream().map(f -> ShopifyErrors.error(
                "Field '" + f.getName() + "' doesn't exist on type '" + type + "'",
                f.getSourceLocation() == null ? null : List.of(f.getSourceLocation()), List.of(root, f.getName()),
                Map.of("code", "undefinedField", "typeName", type, "fieldName", f.getName()))).toList();
    }

    private List<Map<String, Object>> checkVariables(OperationDefinition operation, Map<String, Object> variables) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            Map<String, Object> only = new HashMap<>();
            if (variables.containsKey(definition.getName())) {
                only.put(definition.getName(), variables.get(definition.getName()));
            }
            try {
                ValuesResolver.coerceVariableValues(schema, List.of(definition), RawVariables.of(only),
                        GraphQLContext.getDefault(), Locale.ROOT);
            } catch (NonNullableValueCoercedAsNullException e) {
                errors.add(ShopifyErrors.invalidVariable(definition.getName(), AstPrinter.printAst(definition.getType()),
                        only.get(definition.getName()), "Expected value to not be null", definition.getSourceLocation()));
            } catch (graphql.GraphQLException e) {
                Object value = only.get(definition.getName());
                errors.add(ShopifyErrors.invalidVariable(definition.getName(), AstPrinter.printAst(definition.getType()),
                        value, "Could not coerce value " + json.writeValueAsString(value) + " to "
                                + AstPrinter.printAst(definition.getType()).replace("!", ""),
                        definition.getSourceLocation()));
            }
        }
        return errors;
    }

    private static List<Field> fieldsOf(SelectionSet set, Document document) {
        List<Field> fields = new ArrayList<>();
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field -> fields.add(field);
                case InlineFragment inline -> fields.addAll(fieldsOf(inline.getSelectionSet(), document));
                case FragmentSpread spread -> document.getDefinitionsOfType(FragmentDefinition.class).stream()
                        .filter(f -> f.getName().equals(spread.getName())).findFirst()
                        .ifPresent(f -> fields.addAll(fieldsOf(f.getSelectionSet(), document)));
                default -> {
                    // no other selection kinds exist
                }
            }
        }
        return fields;
    }

    private static Map<String, Object> toShopify(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions() == null ? Map.of() : new LinkedHashMap<>(error.getExtensions());
        extensions.remove("classification");
        return ShopifyErrors.error(error.getMessage(), error.getLocations(), error.getPath(), extensions);
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > options.maxRequestBytes()) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(options.maxRequestBytes() + 1);
            return bytes.length > options.maxRequestBytes() ? null : bytes;
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Turns resolver failures into Shopify errors: argument problems verbatim, anything else as an internal error. */
    private static final class ExceptionHandler implements DataFetcherExceptionHandler {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
                graphql.execution.DataFetcherExceptionHandlerParameters parameters) {
            Throwable exception = parameters.getException();
            GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError()
                    .location(parameters.getSourceLocation())
                    .path(parameters.getPath());
            if (exception instanceof ShopifyQueryException query) {
                error.message(query.getMessage()).extensions(query.extensions());
            } else {
                String requestId = parameters.getDataFetchingEnvironment().getGraphQlContext().get(REQUEST_ID);
                LOG.warn("Shopify simulator resolver failed at {} (request {})", parameters.getPath(), requestId, exception);
                Map<String, Object> internal = ShopifyErrors.internal(requestId, null);
                error.message((String) internal.get("message"));
                @SuppressWarnings("unchecked")
                Map<String, Object> extensions = (Map<String, Object>) internal.get("extensions");
                error.extensions(extensions);
            }
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error.build()).build());
        }
    }
}
