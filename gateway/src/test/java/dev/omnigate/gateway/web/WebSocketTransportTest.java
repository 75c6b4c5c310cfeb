package dev.omnigate.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** graphql-transport-ws on /graphql with the JDK's WebSocket client: handshake, a query, its completion. */
@GatewayTest
final class WebSocketTransportTest {

    @LocalServerPort
    int port;

    @BeforeEach
    void reset() {
        FakeWorld.reset();
    }

    /** Collects text messages (whole, even when the server sends them in parts). */
    static final class Collector implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

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

        String next() throws InterruptedException {
            String message = messages.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message within 10 s").isNotNull();
            return message;
        }
    }

    @Test
    void handshakeThenAQueryOverGraphqlTransportWs() throws Exception {
        Collector collector = new Collector();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), collector)
                .get(10, TimeUnit.SECONDS);
        try {
            assertThat(socket.getSubprotocol()).isEqualTo("graphql-transport-ws");
            socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"apiKey\":\"" + TestClients.ALL_KEY + "\"}}", true)
                    .get(5, TimeUnit.SECONDS);
            assertThat(JsonPath.<String>read(collector.next(), "$.type")).isEqualTo("connection_ack");

            socket.sendText("{\"id\":\"q1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ product(sku: \\\"MUG-1\\\") "
                    + "{ sku availability { available } } }\"}}", true).get(5, TimeUnit.SECONDS);
            String next = collector.next();
            assertThat(JsonPath.<String>read(next, "$.type")).isEqualTo("next");
            assertThat(JsonPath.<String>read(next, "$.id")).isEqualTo("q1");
            assertThat(JsonPath.<Integer>read(next, "$.payload.data.product.availability.available")).isEqualTo(19);
            String complete = collector.next();
            assertThat(JsonPath.<String>read(complete, "$.type")).isEqualTo("complete");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }
}
