package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.GraphQlWsSession;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** {@code omnigate.sandbox.stock-changes-every}: Shopify changes stock by itself and a subscriber sees the changes. */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.sandbox.stock-changes-every=200ms"
})
final class SandboxStockScheduleTest {

    @LocalServerPort
    int port;

    @Test
    void aSubscriberSeesTheScheduledChangesWithTheirSku() throws Exception {
        try (GraphQlWsSession subscriber = new GraphQlWsSession(port,
                "subscription { inventoryChanged { sku locationId source { account } topic } }")) {
            String first = subscriber.next();
            String second = subscriber.next();

            for (String message : new String[] {first, second}) {
                assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.source.account")).isEqualTo(Sandbox.SHOPIFY_ACCOUNT);
                assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.sku")).isNotBlank();
                assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.topic")).isEqualTo("inventory_levels/update");
            }
        }
    }
}
