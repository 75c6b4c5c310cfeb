package dev.omnigate.gateway.support;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.gateway.security.ClientAuthentication;
import dev.omnigate.gateway.security.GatewayClient;
import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs queries through the real DGS engine (no HTTP) and reads the answer with JSON paths. Queries run as a client
 * (by default {@link TestClients#ALL}, every scope), put where Spring Security puts an authenticated one, so the
 * gateway's scope checks apply exactly as over HTTP.
 */
public final class GraphQlClient {

    private final DgsQueryExecutor executor;
    private final GatewayClient client;

    public GraphQlClient(DgsQueryExecutor executor) {
        this(executor, TestClients.as(TestClients.ALL));
    }

    private GraphQlClient(DgsQueryExecutor executor, GatewayClient client) {
        this.executor = executor;
        this.client = client;
    }

    /** The same engine, as another client (null: anonymous). */
    public GraphQlClient as(GatewayClient other) {
        return new GraphQlClient(executor, other);
    }

    public Answer execute(String query) {
        return execute(query, Map.of());
    }

    public Answer execute(String query, Map<String, Object> variables) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (client != null) {
            context.setAuthentication(new ClientAuthentication(client));
        }
        SecurityContextHolder.setContext(context);
        try {
            ExecutionResult result = executor.execute(query, variables);
            return new Answer(result.toSpecification());
        } finally {
            SecurityContextHolder.setContext(previous);
        }
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
