package dev.omnigate.gateway.web;

import graphql.ExecutionResult;
import java.util.List;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * An SSE subscription refused before it starts (a forbidden field, an expired cursor, a bad argument) has no stream;
 * Spring's SSE handler would answer such a response with a generic "SSE handler supports only subscriptions" and drop
 * the real errors. This hands it a one-event stream holding those errors instead, so SSE clients learn what
 * graphql-transport-ws clients learn. Runs outside {@link ValidationErrorCodeInterceptor}, so the errors carry codes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SseStartErrorInterceptor implements WebGraphQlInterceptor {

    @Override
    public reactor.core.publisher.Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        List<MediaType> accept = request.getHeaders().getAccept();
        if (accept.stream().noneMatch(type -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM) && !type.isWildcardType())) {
            return chain.next(request);
        }
        return chain.next(request).map(response -> {
            if (response.getData() instanceof Publisher<?> || response.getExecutionResult().getErrors().isEmpty()) {
                return response;
            }
            ExecutionResult refused = ExecutionResult.newExecutionResult().errors(response.getExecutionResult().getErrors()).build();
            return response.transform(builder -> builder.data(Flux.just(refused)));
        });
    }
}
