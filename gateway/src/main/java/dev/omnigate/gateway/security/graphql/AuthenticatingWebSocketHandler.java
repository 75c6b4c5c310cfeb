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
import dev.omnigate.gateway.limits.SocketLimits;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;
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

    /** The socket attribute holding the ids of its open subscriptions. */
    private static final String SUBSCRIPTIONS_ATTRIBUTE = AuthenticatingWebSocketHandler.class.getName() + ".subscriptions";
    /** The socket attribute holding the decorated session the protocol handler writes through. */
    private static final String TRACKED_ATTRIBUTE = AuthenticatingWebSocketHandler.class.getName() + ".tracked";
    /** graphql-transport-ws has no code for "too many": 4429 like Spring's own "too many initialisation requests". */
    public static final int TOO_MANY = 4429;

    private static final Pattern SUBSCRIPTION_OPERATION = Pattern.compile("(?s)^(?:\\s|#[^\\n]*|,)*subscription\\b");
    private static final Pattern OUTGOING_END = Pattern.compile("^\\{\"id\":\"((?:[^\"\\\\]|\\\\.)*)\",\"type\":\"(complete|error)\"");

    private final GatewayAuthenticationManager authentication;
    private final AuthMetrics metrics;
    private final SocketLimits limits;

    public AuthenticatingWebSocketHandler(WebGraphQlHandler graphQlHandler, HttpMessageConverter<Object> converter, Duration initTimeout,
            Duration keepAlive, GatewayAuthenticationManager authentication, AuthMetrics metrics, SocketLimits limits) {
        super(graphQlHandler, converter, initTimeout, keepAlive);
        this.authentication = authentication;
        this.metrics = metrics;
        this.limits = limits;
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
        if (session.getAttributes().get(CLIENT_ATTRIBUTE) instanceof GatewayClient client) {
            limits.closeSocket(client.id());
            Set<String> open = subscriptions(session);
            synchronized (open) {
                open.forEach(id -> limits.closeSubscription(client.id()));
                open.clear();
            }
        }
        super.afterConnectionClosed(session, closeStatus);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        if (session.getAttributes().get(CLIENT_ATTRIBUTE) instanceof GatewayClient client) {
            if (!admitSubscription(session, client, message)) {
                return;
            }
            super.handleTextMessage(tracked(session, client), message);
            return;
        }
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
                Optional<String> refused = limits.openSocket(client.id());
                if (refused.isPresent()) {
                    close(session, new CloseStatus(TOO_MANY, "Too many sockets: " + refused.get()));
                    return;
                }
                session.getAttributes().put(CLIENT_ATTRIBUTE, client);
                super.handleTextMessage(tracked(session, client), message);
                return;
            }
        }
        super.handleTextMessage(session, message);
    }

    /**
     * Counts a {@code subscribe} of a subscription operation against the socket's and the client's limits (queries and
     * mutations over the socket end by themselves); over a limit the socket is closed with {@link #TOO_MANY} and why.
     * A client's {@code complete} frees its slot.
     */
    private boolean admitSubscription(WebSocketSession session, GatewayClient client, TextMessage message) throws IOException {
        String payload = message.getPayload();
        if (!payload.contains("\"subscribe\"") && !payload.contains("\"complete\"")) {
            return true;
        }
        JsonNode frame = parse(payload);
        if (frame == null || !frame.path("id").isString()) {
            return true; // Spring answers a malformed frame itself
        }
        String id = frame.path("id").stringValue();
        String type = frame.path("type").asString(null);
        Set<String> open = subscriptions(session);
        if ("complete".equals(type)) {
            ended(open, client, id);
            return true;
        }
        String query = frame.path("payload").path("query").asString("");
        if (!"subscribe".equals(type) || !SUBSCRIPTION_OPERATION.matcher(query).find()) {
            return true;
        }
        synchronized (open) {
            if (open.contains(id)) {
                return true; // Spring closes a socket that reuses an id (4409)
            }
            if (open.size() >= limits.limits().maxSubscriptionsPerSocket()) {
                close(session, new CloseStatus(TOO_MANY, "Too many subscriptions: at most " + limits.limits().maxSubscriptionsPerSocket()
                        + " per socket (omnigate.limits.connections.max-subscriptions-per-socket)"));
                return false;
            }
            Optional<String> refused = limits.openSubscription(client.id());
            if (refused.isPresent()) {
                close(session, new CloseStatus(TOO_MANY, "Too many subscriptions: " + refused.get()));
                return false;
            }
            open.add(id);
        }
        return true;
    }

    private void ended(Set<String> open, GatewayClient client, String id) {
        synchronized (open) {
            if (open.remove(id)) {
                limits.closeSubscription(client.id());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> subscriptions(WebSocketSession session) {
        return (Set<String>) session.getAttributes().computeIfAbsent(SUBSCRIPTIONS_ATTRIBUTE, key -> new HashSet<String>());
    }

    /** The session as the protocol handler should write to it: a subscription it ends (complete, error) frees its slot. */
    private WebSocketSession tracked(WebSocketSession session, GatewayClient client) {
        return (WebSocketSession) session.getAttributes().computeIfAbsent(TRACKED_ATTRIBUTE, key -> new WebSocketSessionDecorator(session) {
            @Override
            public void sendMessage(WebSocketMessage<?> message) throws IOException {
                if (message instanceof TextMessage text) {
                    Matcher ending = OUTGOING_END.matcher(text.getPayload());
                    if (ending.find()) {
                        ended(subscriptions(session), client, ending.group(1));
                    }
                }
                super.sendMessage(message);
            }
        });
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
