package dev.omnigate.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** A graphql-transport-ws client session (the JDK WebSocket client speaking the protocol): init, one subscription. */
public final class GraphQlWsSession implements AutoCloseable {

    private final WebSocketPeer peer = new WebSocketPeer();
    /** Every message received after the acknowledgement. */
    public final BlockingQueue<String> messages = peer.messages;
    private final WebSocket socket;

    /** A session as {@link TestClients#ALL} (every scope). */
    public GraphQlWsSession(int port, String query) throws Exception {
        this(port, query, TestClients.ALL_KEY);
    }

    /** A session authenticated in {@code connection_init} with the API key. */
    public GraphQlWsSession(int port, String query, String apiKey) throws Exception {
        socket = WebSocketPeer.open(port, peer, Map.of());
        socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + apiKey + "\"}}", true)
                .get(5, TimeUnit.SECONDS);
        assertThat(JsonPath.<String>read(next(), "$.type")).isEqualTo("connection_ack");
        String payload = "{\"query\":" + quote(query) + "}";
        socket.sendText("{\"id\":\"s1\",\"type\":\"subscribe\",\"payload\":" + payload + "}", true).get(5, TimeUnit.SECONDS);
    }

    /** The next message, within 10 s. */
    public String next() throws InterruptedException {
        return peer.next();
    }

    /** The error codes of a failed subscribe: a {@code next} with errors (Spring GraphQL) or an {@code error} message. */
    public static List<String> errorCodes(String message) {
        String type = JsonPath.read(message, "$.type");
        assertThat(type).as(message).isIn("next", "error");
        return JsonPath.read(message, type.equals("next") ? "$.payload.errors[*].extensions.code" : "$.payload[*].extensions.code");
    }

    /** A GraphQL document as a JSON string literal. */
    public static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }

    @Override
    public void close() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }
}
