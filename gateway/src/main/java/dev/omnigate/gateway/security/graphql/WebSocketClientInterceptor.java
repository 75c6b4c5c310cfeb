package dev.omnigate.gateway.security.graphql;

import dev.omnigate.gateway.security.GatewayClient;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts the client a socket authenticated as at {@code connection_init} into each of its operations' GraphQL context. */
@Component
public class WebSocketClientInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socket
                && socket.getSessionInfo().getAttributes().get(AuthenticatingWebSocketHandler.CLIENT_ATTRIBUTE) instanceof GatewayClient client) {
            request.configureExecutionInput((input, builder) -> {
                input.getGraphQLContext().put(GatewayClient.class, client);
                return input;
            });
        }
        return chain.next(request);
    }
}
