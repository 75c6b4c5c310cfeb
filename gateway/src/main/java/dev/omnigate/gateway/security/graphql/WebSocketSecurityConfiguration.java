package dev.omnigate.gateway.security.graphql;

import dev.omnigate.gateway.security.AuthMetrics;
import dev.omnigate.gateway.limits.LimitsProperties;
import dev.omnigate.gateway.limits.SocketLimits;
import dev.omnigate.gateway.security.GatewayAuthenticationManager;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;

/**
 * Replaces Spring GraphQL's WebSocket handler with {@link AuthenticatingWebSocketHandler} (Boot's auto-configuration
 * backs off when one exists), with the same settings ({@code spring.graphql.websocket.*}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.graphql.websocket.path")
public class WebSocketSecurityConfiguration {

    @Bean
    public GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler webGraphQlHandler, GraphQlProperties properties,
            GatewayAuthenticationManager authentication, AuthMetrics metrics, LimitsProperties limits) {
        Duration keepAlive = properties.getWebsocket().getKeepAlive();
        return new AuthenticatingWebSocketHandler(webGraphQlHandler, jsonConverter(), properties.getWebsocket().getConnectionInitTimeout(),
                keepAlive, authentication, metrics, new SocketLimits(limits.connections()));
    }

    @SuppressWarnings("unchecked")
    private static HttpMessageConverter<Object> jsonConverter() {
        for (HttpMessageConverter<?> converter : HttpMessageConverters.forServer().registerDefaults().build()) {
            if (converter.canRead(Map.class, MediaType.APPLICATION_JSON)) {
                return (HttpMessageConverter<Object>) converter;
            }
        }
        throw new IllegalStateException("no JSON message converter on the classpath");
    }
}
