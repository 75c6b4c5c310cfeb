package dev.omnigate.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.gateway.support.WebSocketPeer;
import java.net.http.WebSocket;
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

    @Test
    void handshakeThenAQueryOverGraphqlTransportWs() throws Exception {
        WebSocketPeer collector = new WebSocketPeer();
        WebSocket socket = WebSocketPeer.open(port, collector, java.util.Map.of());
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
