package dev.omnigate.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.gateway.support.WebSocketPeer;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code omnigate.limits.connections.*} at their defaults: 20 sockets per client, 100 subscriptions per socket; over
 * a limit the socket is closed with 4429 and a reason naming the setting, and a freed slot can be used again.
 */
@GatewayTest
final class ConnectionLimitsTest {

    private static final String SUBSCRIPTION = "subscription { inventoryChanged { sku available cursor } }";

    @LocalServerPort
    int port;

    private final List<WebSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeAll() {
        sockets.forEach(socket -> socket.abort());
    }

    /** A socket of the subscriber client after connection_ack, or the close reason when it was refused. */
    private Opened open() throws Exception {
        WebSocketPeer peer = new WebSocketPeer();
        WebSocket socket = WebSocketPeer.open(port, peer, Map.of());
        sockets.add(socket);
        socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"apiKey\":\"" + TestClients.SUBSCRIBER_KEY + "\"}}", true)
                .get(5, TimeUnit.SECONDS);
        String first = peer.messages.poll(10, TimeUnit.SECONDS);
        return new Opened(socket, peer, first != null && first.contains("connection_ack"));
    }

    private record Opened(WebSocket socket, WebSocketPeer peer, boolean acknowledged) {
    }

    @Test
    void theSocketOverTheClientsMaximumIsClosedWithTheReasonAndAClosedOneFreesItsPlace() throws Exception {
        List<Opened> accepted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Opened opened = open();
            assertThat(opened.acknowledged()).as("socket %d", i + 1).isTrue();
            accepted.add(opened);
        }

        Opened refused = open();

        assertThat(refused.acknowledged()).isFalse();
        assertThat(refused.peer().closed.get(10, TimeUnit.SECONDS)).startsWith("4429")
                .contains("test-subscriber", "20", "omnigate.limits.connections.max-sockets-per-client");
        accepted.getFirst().socket().sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> open().acknowledged());
    }

    @Test
    void theSubscriptionOverTheSocketsMaximumClosesItWithTheReason() throws Exception {
        Opened opened = open();
        assertThat(opened.acknowledged()).isTrue();
        for (int i = 0; i < 100; i++) {
            opened.socket().sendText("{\"id\":\"s" + i + "\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + SUBSCRIPTION + "\"}}", true)
                    .get(5, TimeUnit.SECONDS);
        }
        // a completed subscription frees its slot: one more fits after it
        opened.socket().sendText("{\"id\":\"s0\",\"type\":\"complete\"}", true).get(5, TimeUnit.SECONDS);
        opened.socket().sendText("{\"id\":\"s100\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + SUBSCRIPTION + "\"}}", true)
                .get(5, TimeUnit.SECONDS);
        // frames of one socket are handled in order: the pong says s100 was handled, and the socket is still open
        opened.socket().sendText("{\"type\":\"ping\"}", true).get(5, TimeUnit.SECONDS);
        String message;
        do {
            message = opened.peer().next();
        } while (!message.contains("\"pong\""));
        assertThat(opened.peer().closed).as("100 subscriptions at once are allowed").isNotDone();

        opened.socket().sendText("{\"id\":\"s101\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + SUBSCRIPTION + "\"}}", true)
                .get(5, TimeUnit.SECONDS);

        assertThat(opened.peer().closed.get(10, TimeUnit.SECONDS)).startsWith("4429")
                .contains("at most 100", "omnigate.limits.connections.max-subscriptions-per-socket");
    }
}
