package dev.omnigate.gateway.security.graphql;

import dev.omnigate.gateway.security.AuthMetrics;
import dev.omnigate.gateway.security.ClientAuthentication;
import dev.omnigate.gateway.security.CredentialRejectedException.Reason;
import dev.omnigate.gateway.security.CredentialRejectedException;
import dev.omnigate.gateway.security.CredentialResolver;
import dev.omnigate.gateway.security.GatewayAuthenticationManager;
import dev.omnigate.gateway.security.GatewayClient;
import dev.omnigate.gateway.security.Scope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * graphql-transport-ws with authentication at {@code connection_init}: the payload carries {@code Authorization}
 * ({@code "Bearer <API key or JWT>"}) or {@code apiKey}; without either, the credential of the upgrade request
 * (headers) counts. A missing or refused credential closes the socket with {@code 4401 Unauthorized} and a reason, a
 * client without {@code inventory:subscribe} (the scope of every subscription) with {@code 4403 Forbidden}, a gateway
 * too busy to check with {@code 1013 Try Again Later}; nothing else is answered before. The accepted client stays with
 * the socket for every operation sent on it.
 */
public final class AuthenticatingWebSocketHandler extends GraphQlWebSocketHandler {

    /** The socket attribute holding the authenticated {@link GatewayClient}. */
    public static final String CLIENT_ATTRIBUTE = GatewayClient.class.getName();
    /** The scope a socket needs: the endpoint serves subscriptions. */
    public static final Scope REQUIRED_SCOPE = Scope.INVENTORY_SUBSCRIBE;

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticatingWebSocketHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayAuthenticationManager authentication;
    private final AuthMetrics metrics;

    public AuthenticatingWebSocketHandler(WebGraphQlHandler graphQlHandler, HttpMessageConverter<Object> converter, Duration initTimeout,
            Duration keepAlive, GatewayAuthenticationManager authentication, AuthMetrics metrics) {
        super(graphQlHandler, converter, initTimeout, keepAlive);
        this.authentication = authentication;
        this.metrics = metrics;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        if (!session.getAttributes().containsKey(CLIENT_ATTRIBUTE)) {
            JsonNode frame = parse(message.getPayload());
            if (frame != null && "connection_init".equals(frame.path("type").asString(null))) {
                GatewayClient client;
                try {
                    client = authenticate(frame.get("payload"), session.getPrincipal());
                } catch (CredentialRejectedException e) {
                    metrics.rejected(e.reason());
                    LOG.debug("WebSocket connection_init refused: {}", e.reason().label());
                    close(session, e.temporary() ? new CloseStatus(1013, "Try again later") : new CloseStatus(4401, "Unauthorized: " + e.getMessage()));
                    return;
                }
                if (!client.has(REQUIRED_SCOPE)) {
                    close(session, new CloseStatus(4403, "Forbidden: client '" + client.id() + "' lacks the scope " + REQUIRED_SCOPE.value()));
                    return;
                }
                session.getAttributes().put(CLIENT_ATTRIBUTE, client);
            }
        }
        super.handleTextMessage(session, message);
    }

    private GatewayClient authenticate(JsonNode payload, Principal handshake) {
        String credential = null;
        if (payload != null && payload.isObject()) {
            String bearer = text(payload, "Authorization", "authorization");
            String apiKey = text(payload, "apiKey", "X-Api-Key", "x-api-key");
            if (bearer != null) {
                credential = CredentialResolver.bearer(bearer);
            }
            if (apiKey != null) {
                if (credential != null && !credential.equals(apiKey.trim())) {
                    throw new CredentialRejectedException(Reason.AMBIGUOUS, "send one credential in connection_init: Authorization or apiKey");
                }
                credential = apiKey.trim();
            }
        }
        if (credential != null) {
            return authentication.authenticate(credential).client();
        }
        if (handshake instanceof ClientAuthentication authenticated) {
            return authenticated.client();
        }
        throw new CredentialRejectedException(Reason.MISSING, "send the credential in connection_init: "
                + "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer <key or JWT>\"}}");
    }

    private static String text(JsonNode payload, String... names) {
        for (String name : names) {
            JsonNode value = payload.get(name);
            if (value != null && !value.isNull()) {
                if (!value.isString()) {
                    throw new CredentialRejectedException(Reason.MALFORMED, "'" + name + "' in the connection_init payload must be a string");
                }
                return value.stringValue();
            }
        }
        return null;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return null; // Spring answers a malformed frame itself (4400)
        }
    }

    private static void close(WebSocketSession session, CloseStatus status) throws IOException {
        String reason = status.getReason() == null ? "" : status.getReason();
        // a close reason may hold at most 123 bytes of UTF-8
        while (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
            reason = reason.substring(0, reason.length() - 2) + "…";
        }
        session.close(new CloseStatus(status.getCode(), reason));
    }
}
