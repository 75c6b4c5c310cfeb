package dev.omnigate.gateway.support;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;

/** Runs queries through the real DGS engine (no HTTP) and reads the answer with JSON paths. */
public final class GraphQlClient {

    private final DgsQueryExecutor executor;

    public GraphQlClient(DgsQueryExecutor executor) {
        this.executor = executor;
    }

    public Answer execute(String query) {
        return execute(query, Map.of());
    }

    public Answer execute(String query, Map<String, Object> variables) {
        ExecutionResult result = executor.execute(query, variables);
        return new Answer(result.toSpecification());
    }

    /** The specification form of one answer ({@code data}, {@code errors}). */
    public record Answer(Map<String, Object> specification) {

        public DocumentContext json() {
            return JsonPath.parse(specification);
        }

        public <T> T read(String path) {
            return json().read(path);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            Object errors = specification.get("errors");
            return errors == null ? List.of() : (List<Map<String, Object>>) errors;
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errorExtensions() {
            return errors().stream().map(error -> (Map<String, Object>) error.getOrDefault("extensions", Map.of())).toList();
        }
    }
}
