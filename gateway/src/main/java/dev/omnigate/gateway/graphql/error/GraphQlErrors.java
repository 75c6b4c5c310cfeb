package dev.omnigate.gateway.graphql.error;

import com.netflix.graphql.types.errors.ErrorType;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.gateway.connector.AccountFailure;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the gateway's GraphQL errors. Every error has {@code extensions.code}; connector errors also carry
 * {@code connector}, {@code account}, {@code channel}, {@code operation}, {@code retryable}, the request id and,
 * when the vendor said, {@code retryAfterSeconds}. {@code extensions.classification} is DGS's
 * {@link ErrorType} (so DGS-aware clients keep working).
 */
public final class GraphQlErrors {

    private GraphQlErrors() {
    }

    /** The error for one failed account at the field being fetched. */
    public static GraphQLError of(AccountFailure failure, DataFetchingEnvironment environment) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", failure.category().name());
        extensions.put("connector", failure.connectorId());
        extensions.put("account", failure.accountId());
        extensions.put("channel", failure.channel().name());
        extensions.put("operation", failure.operation());
        extensions.put("retryable", failure.retryable());
        failure.retryAfterDuration().ifPresent(delay -> extensions.put("retryAfterSeconds", Math.max(1, delay.toSeconds())));
        extensions.put("requestId", failure.requestId());
        return GraphqlErrorBuilder.newError(environment)
                .message("account " + failure.accountId() + " (" + failure.connectorId() + "): " + failure.message())
                .errorType(classification(failure.category()))
                .extensions(extensions)
                .build();
    }

    /** A client input error at the field being fetched. */
    public static GraphQLError badRequest(String message, DataFetchingEnvironment environment) {
        return GraphqlErrorBuilder.newError(environment)
                .message(message)
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(Map.of("code", "BAD_REQUEST"))
                .build();
    }

    /** Data plus one error per distinct failure. */
    public static <T> DataFetcherResult<T> result(T data, List<AccountFailure> failures, DataFetchingEnvironment environment) {
        List<GraphQLError> errors = new ArrayList<>();
        List<AccountFailure> seen = new ArrayList<>();
        for (AccountFailure failure : failures) {
            if (!seen.contains(failure)) {
                seen.add(failure);
                errors.add(of(failure, environment));
            }
        }
        return DataFetcherResult.<T>newResult().data(data).errors(errors).build();
    }

    /** A loader's answer as field data plus errors; null stays null. */
    public static <T> DataFetcherResult<T> result(Fetched<T> fetched, DataFetchingEnvironment environment) {
        return fetched == null
                ? DataFetcherResult.<T>newResult().build()
                : result(fetched.value(), fetched.failures(), environment);
    }

    /** DGS's classification for a connector error category. */
    public static ErrorType classification(ErrorCategory category) {
        return switch (category) {
            case BAD_REQUEST -> ErrorType.BAD_REQUEST;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case UNAUTHENTICATED -> ErrorType.UNAUTHENTICATED;
            case PERMISSION_DENIED -> ErrorType.PERMISSION_DENIED;
            case RATE_LIMITED, UNAVAILABLE, TIMEOUT -> ErrorType.UNAVAILABLE;
            case UNSUPPORTED, CONFIG -> ErrorType.FAILED_PRECONDITION;
            case BAD_RESPONSE, INTERNAL -> ErrorType.INTERNAL;
        };
    }
}
