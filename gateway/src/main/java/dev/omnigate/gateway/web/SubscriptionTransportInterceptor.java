package dev.omnigate.gateway.web;

import com.netflix.graphql.types.errors.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Refuses a subscription sent as a plain HTTP request (not graphql-transport-ws, not SSE), before it is executed:
 * such a request has no stream to answer on, and would otherwise get the Reactor publisher serialised as its data. The
 * answer is one {@code BAD_REQUEST} error naming the two transports that carry subscriptions, without {@code data}, so
 * the GraphQL-over-HTTP rules give HTTP 400 for {@code application/graphql-response+json} and 200 for
 * {@code application/json}. Queries and mutations pass untouched; only documents containing the word
 * {@code subscription} are parsed here (a document that does not parse is left to the engine to report).
 */
@Component
// inside SseStartErrorInterceptor (which must see every error), before anything else
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class SubscriptionTransportInterceptor implements WebGraphQlInterceptor {

    /** The message of the refusal. */
    public static final String MESSAGE =
            "subscriptions need graphql-transport-ws on /graphql or SSE: POST with Accept: text/event-stream";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest || acceptsEventStream(request) || !isSubscription(request)) {
            return chain.next(request);
        }
        ExecutionResult refused = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().message(MESSAGE).errorType(ErrorType.BAD_REQUEST)
                        .extensions(Map.of("code", "BAD_REQUEST")).build())
                .build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
    }

    /** The same test {@link SseStartErrorInterceptor} makes: an explicit {@code text/event-stream}. */
    private static boolean acceptsEventStream(WebGraphQlRequest request) {
        List<MediaType> accept = request.getHeaders().getAccept();
        return accept.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM) && !type.isWildcardType());
    }

    /** Whether the operation the request selects is a subscription. */
    static boolean isSubscription(WebGraphQlRequest request) {
        String document = request.getDocument();
        // cheap filter first: no query or mutation pays for a second parse
        if (document == null || !document.contains("subscription")) {
            return false;
        }
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (RuntimeException e) {
            return false; // a syntax error or a document over the parser's limits: the engine reports it
        }
        return selected(parsed, request.getOperationName())
                .map(operation -> operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION).orElse(false);
    }

    private static Optional<OperationDefinition> selected(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? Optional.of(operations.getFirst()) : Optional.empty();
        }
        return operations.stream().filter(operation -> operationName.equals(operation.getName())).findFirst();
    }
}
