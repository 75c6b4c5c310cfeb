package dev.omnigate.gateway.web;

import dev.omnigate.gateway.error.ClientMessages;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives errors graphql-java raises itself an {@code extensions.code} like the gateway's own errors: syntax and
 * validation errors (an unknown field, a wrong argument type) get {@code BAD_REQUEST}, so clients handle every
 * bad request one way; disabled introspection gets {@code FORBIDDEN} with a message naming the switch; anything else
 * without a code gets {@code INTERNAL}. Errors that already carry a code keep it.
 *
 * <p>Every error's message is made fit for clients ({@link ClientMessages}): graphql-java's messages name AST nodes
 * ({@code StringValue{value='x'}}) and Java types ({@code LinkedHashMap}), and are rewritten into plain sentences that
 * still name the argument or variable, the expected type and what was given; a message that would still show internals
 * is replaced by a generic one. The engine runs in English whatever the client's {@code Accept-Language}, so the
 * messages have one form (the gateway's own are English).
 */
@Component
public class ValidationErrorCodeInterceptor implements WebGraphQlInterceptor {

    private final int maxTokens;

    public ValidationErrorCodeInterceptor(dev.omnigate.gateway.limits.LimitsProperties limits) {
        this.maxTokens = limits.document().maxTokens();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> builder.locale(Locale.ENGLISH).build());
        return chain.next(request).map(response -> {
            List<ResponseError> errors = response.getErrors();
            if (errors.isEmpty() || errors.stream().noneMatch(error -> needsRewrite(error) || tokenLimit(error))) {
                return response;
            }
            return response.transform(builder -> builder.errors(errors.stream().map(this::withCode).toList()));
        });
    }

    private static boolean needsRewrite(ResponseError error) {
        return needsCode(error) || !ClientMessages.plain(error.getMessage(), FALLBACK).equals(error.getMessage());
    }

    /** Shown instead of a message that would still show internals after rewriting. */
    static final String FALLBACK = "the request could not be answered as sent";

    private static boolean needsCode(ResponseError error) {
        return error.getExtensions() == null || !error.getExtensions().containsKey("code");
    }

    /** BAD_REQUEST for errors in the request itself, else INTERNAL (the gateway's own errors always carry a code). */
    static String codeOf(ResponseError error) {
        ErrorClassification type = error.getErrorType();
        Map<String, Object> extensions = error.getExtensions() == null ? Map.of() : error.getExtensions();
        boolean requestError = type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax
                || "ValidationError".equals(String.valueOf(extensions.get("classification")))
                || "InvalidSyntax".equals(String.valueOf(extensions.get("classification")))
                || "BAD_REQUEST".equals(String.valueOf(extensions.get("errorType")))
                || (type != null && "BAD_REQUEST".equals(type.toString()));
        return requestError ? "BAD_REQUEST" : "INTERNAL";
    }

    /** Introspection switched off ({@code spring.graphql.schema.introspection.enabled=false}, the default outside the sandbox). */
    static boolean introspectionDisabled(ResponseError error) {
        return error.getErrorType() != null && "IntrospectionDisabled".equals(error.getErrorType().toString());
    }

    /** graphql-java's parser stopped at {@code omnigate.limits.document.max-tokens}. */
    private static boolean tokenLimit(ResponseError error) {
        return error.getMessage() != null && error.getMessage().contains("tokens have been presented");
    }

    private GraphQLError withCode(ResponseError error) {
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions() == null ? Map.of() : error.getExtensions());
        if (tokenLimit(error)) {
            // graphql-java's parser stopped at omnigate.limits.document.max-tokens: name the setting like the other limits
            extensions.put("code", "MAX_TOKENS_EXCEEDED");
            extensions.put("limit", "omnigate.limits.document.max-tokens");
            extensions.put("max", maxTokens);
            return toGraphQlError(error, extensions, "the request has more than " + maxTokens + " tokens; at most " + maxTokens
                    + " are allowed (omnigate.limits.document.max-tokens), so it was not parsed further");
        }
        String message = ClientMessages.plain(error.getMessage(), FALLBACK);
        if (!needsCode(error)) {
            return toGraphQlError(error, error.getExtensions(), message);
        }
        if (introspectionDisabled(error)) {
            extensions.put("code", "FORBIDDEN");
            return toGraphQlError(error, extensions, "introspection is off on this gateway "
                    + "(spring.graphql.schema.introspection.enabled; on in the sandbox, off elsewhere unless set)");
        }
        extensions.put("code", codeOf(error));
        return toGraphQlError(error, extensions, message);
    }

    private static GraphQLError toGraphQlError(ResponseError error, Map<String, Object> extensions, String message) {
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .errorType(error.getErrorType())
                .extensions(extensions);
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }
}
