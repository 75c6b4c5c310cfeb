package dev.omnigate.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request the gateway refuses before GraphQL runs (a malformed body, a missing credential, a missing scope on
 * an endpoint) with a GraphQL-shaped body, {@code {"errors":[{"message":...,"extensions":{"code":...}}]}}, in
 * {@code application/graphql-response+json} when the client accepts it and {@code application/json} otherwise, so
 * every client handles refusals one way.
 */
public final class ErrorBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorBodies() {
    }

    /** Writes the status and a one-error body with {@code extensions.code} and any further extensions. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String message,
            Map<String, Object> extensions) throws IOException {
        String accept = request.getHeader("Accept");
        boolean graphQlResponse = accept != null && accept.contains("application/graphql-response+json");
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(graphQlResponse ? "application/graphql-response+json" : MediaType.APPLICATION_JSON_VALUE);
        Map<String, Object> allExtensions = new LinkedHashMap<>();
        allExtensions.put("code", code);
        allExtensions.putAll(extensions);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", allExtensions);
        response.getOutputStream().write(JSON.writeValueAsBytes(Map.of("errors", List.of(error))));
    }
}
