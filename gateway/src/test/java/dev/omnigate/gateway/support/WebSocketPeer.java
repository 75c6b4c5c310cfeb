package dev.omnigate.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The client side of a WebSocket (the JDK client): whole text messages as they arrive, and how the server closed it. */
public final class WebSocketPeer implements WebSocket.Listener {

    /** Every text message received, whole (even when the server sent it in parts). */
    public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    /** {@code "<status code> <reason>"} once the server closed the socket. */
    public final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    /** Opens {@code ws://127.0.0.1:<port>/graphql} with the graphql-transport-ws subprotocol and the given upgrade headers. */
    public static WebSocket open(int port, WebSocketPeer peer, Map<String, String> headers) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), peer).get(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    /** The next message, within 10 s. */
    public String next() throws InterruptedException {
        String message = messages.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("a message within 10 s").isNotNull();
        return message;
    }
}
