package dev.omnigate.gateway.graphql.error;

import com.netflix.graphql.types.errors.ErrorType;
import dev.omnigate.gateway.connector.ConnectorCallException;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.error.BadRequestException;
import dev.omnigate.gateway.error.ClientMessages;
import dev.omnigate.gateway.events.CursorExpiredException;
import dev.omnigate.gateway.events.EventStoreUnavailableException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last word on exceptions thrown by data fetchers (it replaces DGS's default handler); every message is made plain
 * ({@link ClientMessages}: no Java class names, AST nodes or stack fragments):
 * <ul>
 *   <li>{@link BadRequestException}: {@code BAD_REQUEST} with its message;</li>
 *   <li>{@link ConnectorCallException}: the typed connector error;</li>
 *   <li>{@link EventStoreUnavailableException}: {@code UNAVAILABLE}, retryable (the shared event log's Redis is down);</li>
 *   <li>{@link CursorExpiredException}: {@code CURSOR_EXPIRED} (a subscription's {@code after} is older than the
 *       event log's retention);</li>
 *   <li>anything else: {@code INTERNAL} with a generic message and the request id; the exception and its
 *       stack trace go to the log only (once per exception class and request, with the count of fields that failed
 *       alike), never to the client.</li>
 * </ul>
 */
@Component
public class GatewayDataFetcherExceptionHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayDataFetcherExceptionHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters parameters) {
        Throwable exception = unwrap(parameters.getException());
        var environment = parameters.getDataFetchingEnvironment();
        GraphQLError error = switch (exception) {
            // messages may echo client input or name a cause: made plain, with a fallback naming the kind of error
            case BadRequestException badRequest -> GraphQlErrors.badRequest(ClientMessages.plain(badRequest.getMessage(),
                    "the request is invalid"), environment);
            case ConnectorCallException failed -> GraphQlErrors.of(failed.failure(), environment);
            case CursorExpiredException expired -> GraphqlErrorBuilder.newError(environment)
                    .message(ClientMessages.plain(expired.getMessage(), "the cursor is older than the event log's retention"))
                    .errorType(ErrorType.FAILED_PRECONDITION).extensions(Map.of("code", "CURSOR_EXPIRED")).build();
            case EventStoreUnavailableException unavailable -> GraphqlErrorBuilder.newError(environment)
                    .message(ClientMessages.plain(unavailable.getMessage(), "the event store is unavailable"))
                    .errorType(ErrorType.UNAVAILABLE).extensions(Map.of("code", "UNAVAILABLE", "retryable", true)).build();
            default -> internal(exception, parameters);
        };
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    private static GraphQLError internal(Throwable exception, DataFetcherExceptionHandlerParameters parameters) {
        RequestScope scope = parameters.getDataFetchingEnvironment().getGraphQlContext().get(RequestScope.class);
        String requestId = scope == null ? UUID.randomUUID().toString() : scope.requestId();
        if (scope == null) {
            LOG.error("[{}] unexpected failure resolving {}", requestId, parameters.getPath(), exception);
        } else {
            // one line per kind of failure and request, however many fields fail alike
            scope.failureLog().unexpected(LOG, String.valueOf(parameters.getPath()), exception);
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "INTERNAL");
        extensions.put("requestId", requestId);
        return GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment())
                .message("internal error; quote request id " + requestId + " when reporting it")
                .errorType(ErrorType.INTERNAL)
                .extensions(extensions)
                .build();
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof java.lang.reflect.InvocationTargetException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
