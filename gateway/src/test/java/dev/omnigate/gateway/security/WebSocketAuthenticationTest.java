package dev.omnigate.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.gateway.support.WebSocketPeer;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * graphql-transport-ws authenticates at {@code connection_init}: a missing or refused credential closes the socket with
 * 4401, a client without {@code inventory:subscribe} with 4403, and nothing is acknowledged or executed before.
 */
@GatewayTest
@ExtendWith(OutputCaptureExtension.class)
final class WebSocketAuthenticationTest {

    @LocalServerPort
    int port;

    @BeforeEach
    void reset() {
        FakeWorld.reset();
    }

    private WebSocket open(WebSocketPeer peer, Map<String, String> headers) throws Exception {
        return WebSocketPeer.open(port, peer, headers);
    }

    private String closeAfterInit(String payload) throws Exception {
        WebSocketPeer peer = new WebSocketPeer();
        WebSocket socket = open(peer, Map.of());
        socket.sendText("{\"type\":\"connection_init\",\"payload\":" + payload + "}", true).get(5, TimeUnit.SECONDS);
        String closed = peer.closed.get(10, TimeUnit.SECONDS);
        assertThat(peer.messages).as("nothing acknowledged").isEmpty();
        return closed;
    }

    @Test
    void noCredentialIsClosedWith4401() throws Exception {
        assertThat(closeAfterInit("{}")).startsWith("4401").contains("connection_init");
    }

    @Test
    void refusedCredentialsAreClosedWith4401NamingWhy(CapturedOutput output) throws Exception {
        assertThat(closeAfterInit("{\"Authorization\":\"Bearer og_nobody-here_wrong-secret\"}")).startsWith("4401").contains("not valid");
        assertThat(closeAfterInit("{\"apiKey\":\"" + TestClients.REVOKED_KEY + "\"}")).startsWith("4401").contains("revoked");
        assertThat(closeAfterInit("{\"apiKey\":\"" + TestClients.EXPIRED_KEY + "\"}")).startsWith("4401").contains("expired");
        assertThat(closeAfterInit("{\"Authorization\":\"Basic abc\"}")).startsWith("4401").contains("Bearer");
        assertThat(closeAfterInit("{\"apiKey\":42}")).startsWith("4401").contains("string");
        assertThat(output.getAll()).doesNotContain(TestClients.REVOKED_KEY).doesNotContain(TestClients.EXPIRED_KEY);
    }

    @Test
    void aClientWithoutTheSubscribeScopeIsClosedWith4403() throws Exception {
        assertThat(closeAfterInit("{\"Authorization\":\"Bearer " + TestClients.NO_SUBSCRIBE_KEY + "\"}")).startsWith("4403")
                .contains("test-catalog").contains("inventory:subscribe");
    }

    @Test
    void aSubscribeBeforeTheInitIsRefusedWithoutExecuting() throws Exception {
        WebSocketPeer peer = new WebSocketPeer();
        WebSocket socket = open(peer, Map.of());
        socket.sendText("{\"id\":\"s1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ products(skus: [\\\"MUG-1\\\"]) { sku } }\"}}", true)
                .get(5, TimeUnit.SECONDS);

        assertThat(peer.closed.get(10, TimeUnit.SECONDS)).startsWith("4401");
        assertThat(FakeWorld.totalReaderCalls()).isZero();
    }

    @Test
    void theUpgradeRequestsCredentialCountsWhenTheInitCarriesNone() throws Exception {
        WebSocketPeer peer = new WebSocketPeer();
        WebSocket socket = open(peer, Map.of("X-Api-Key", TestClients.PARTNER_KEY));
        try {
            socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).get(5, TimeUnit.SECONDS);
            assertThat(JsonPath.<String>read(peer.messages.poll(10, TimeUnit.SECONDS), "$.type")).isEqualTo("connection_ack");
            socket.sendText("{\"id\":\"q1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ products(skus: [\\\"TEE-1\\\", \\\"MUG-1\\\"]) "
                    + "{ sku } }\"}}", true).get(5, TimeUnit.SECONDS);
            String next = peer.messages.poll(10, TimeUnit.SECONDS);
            assertThat(JsonPath.<java.util.List<String>>read(next, "$.payload.data.products[*].sku")).as("the partner's limits apply")
                    .containsExactly("MUG-1");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWrongCredentialOnTheUpgradeIsRefusedBeforeTheSocketOpens() {
        WebSocketPeer peer = new WebSocketPeer();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> open(peer, Map.of("X-Api-Key", "og_nobody-here_wrong-secret"))))
                .as("the handshake is answered 401").isNotNull();
    }
}
