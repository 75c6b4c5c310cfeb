package dev.omnigate.gateway.security.graphql;

import com.netflix.graphql.dgs.context.GraphQLContextContributor;
import com.netflix.graphql.dgs.internal.DgsRequestData;
import dev.omnigate.gateway.security.ClientAuthentication;
import graphql.GraphQLContext;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts the client Spring Security authenticated for this request into the GraphQL context ({@link GraphQlClients}), and
 * notes the transport ({@code http}, or {@code sse} when the client asked for an event stream). Runs on the thread that
 * received the request, where the security context is set.
 */
@Component
public class ClientContextContributor implements GraphQLContextContributor {

    @Override
    public void contribute(GraphQLContext.Builder builder, Map<String, ?> extensions, DgsRequestData requestData) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ClientAuthentication client) {
            builder.put(GraphQlClients.HTTP_CLIENT, client.client());
            HttpHeaders headers = requestData == null ? null : requestData.getHeaders();
            String accept = headers == null ? null : headers.getFirst(HttpHeaders.ACCEPT);
            builder.put(ScopeInstrumentation.TRANSPORT, accept != null && accept.contains("text/event-stream") ? "sse" : "http");
        }
    }
}
