package dev.omnigate.gateway.security.graphql;

import dev.omnigate.gateway.security.GatewayClient;
import dev.omnigate.gateway.security.PartnerFilter;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.Optional;

/**
 * Where a GraphQL request's client lives: in the GraphQL context under {@code GatewayClient.class}, put there by the
 * transport (HTTP and SSE from Spring Security's context, WebSocket from the {@code connection_init} authentication).
 * A request without one is anonymous: no scope, so nothing guarded is readable.
 */
public final class GraphQlClients {

    /**
     * The key of the client authenticated by Spring Security for this HTTP request (set by the context contributor). A
     * WebSocket request's client, authenticated at {@code connection_init}, is under {@code GatewayClient.class} and wins:
     * a socket may also carry the handshake's context.
     */
    public static final String HTTP_CLIENT = "omnigate.client.http";

    private GraphQlClients() {
    }

    public static Optional<GatewayClient> of(GraphQLContext context) {
        if (context == null) {
            return Optional.empty();
        }
        GatewayClient socketClient = context.get(GatewayClient.class);
        return Optional.ofNullable(socketClient != null ? socketClient : context.get(HTTP_CLIENT));
    }

    public static Optional<GatewayClient> of(DataFetchingEnvironment environment) {
        return of(environment.getGraphQlContext());
    }

    /** The client's partner limits; {@link PartnerFilter#NONE} for clients without. */
    public static PartnerFilter partnerOf(DataFetchingEnvironment environment) {
        return of(environment).map(GatewayClient::partner).orElse(PartnerFilter.NONE);
    }
}
