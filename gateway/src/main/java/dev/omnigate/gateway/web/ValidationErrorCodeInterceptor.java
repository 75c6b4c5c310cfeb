package dev.omnigate.gateway.web;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives request errors graphql-java raises itself (syntax errors, validation errors such as an unknown field
 * or a wrong argument type) the same {@code extensions.code: BAD_REQUEST} as the gateway's own input errors,
 * so clients handle every bad request one way. Errors that already carry a code are left alone.
 */
@Component
public class ValidationErrorCodeInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<ResponseError> errors = response.getErrors();
            if (errors.isEmpty() || errors.stream().noneMatch(ValidationErrorCodeInterceptor::needsCode)) {
                return response;
            }
            return response.transform(builder -> builder.errors(errors.stream().map(ValidationErrorCodeInterceptor::withCode).toList()));
        });
    }

    private static boolean needsCode(ResponseError error) {
        ErrorClassification type = error.getErrorType();
        boolean requestError = type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax
                || (type != null && "ValidationError".equals(type.toString()));
        return requestError && (error.getExtensions() == null || !error.getExtensions().containsKey("code"));
    }

    private static GraphQLError withCode(ResponseError error) {
        if (!needsCode(error)) {
            return toGraphQlError(error, error.getExtensions());
        }
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions() == null ? Map.of() : error.getExtensions());
        extensions.put("code", "BAD_REQUEST");
        return toGraphQlError(error, extensions);
    }

    private static GraphQLError toGraphQlError(ResponseError error, Map<String, Object> extensions) {
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .errorType(error.getErrorType())
                .extensions(extensions);
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }
}
