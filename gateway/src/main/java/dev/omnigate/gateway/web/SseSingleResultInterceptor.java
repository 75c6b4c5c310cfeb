package dev.omnigate.gateway.web;

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
import reactor.core.publisher.Mono;

/**
 * Every operation runs over SSE, as the GraphQL over SSE protocol (graphql-sse's distinct connections mode) has it.
 * Spring's SSE handler streams only a subscription's {@link Publisher}; any other result it replaces with a generic
 * "SSE handler supports only subscriptions" error, dropping it. So a query or mutation result, and a subscription
 * refused before it started (a forbidden field, an expired cursor, a bad argument), are handed to it as a one-event
 * stream: one {@code next} event holding the whole result (data, errors, extensions), then {@code complete}. SSE
 * clients thus learn what HTTP and graphql-transport-ws clients learn. Runs outside
 * {@link ValidationErrorCodeInterceptor}, so the errors carry codes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SseSingleResultInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        List<MediaType> accept = request.getHeaders().getAccept();
        if (accept.stream().noneMatch(type -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM) && !type.isWildcardType())) {
            return chain.next(request);
        }
        return chain.next(request).map(response -> {
            if (response.getData() instanceof Publisher<?>) {
                return response;
            }
            return response.transform(builder -> builder.data(Flux.just(response.getExecutionResult())));
        });
    }
}
