package dev.omnigate.gateway.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.error.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class GlobalIdTest {

    @Test
    void roundTripsAndIsUrlSafeEvenWithColonsAndSlashesInNativeIds() {
        SourceRef source = new SourceRef(Channel.TIKTOK_SHOP, "tiktok", "tt-us", "576894201338511223:a/b+c");

        String encoded = GlobalId.encode(GlobalIdType.Order, source);

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(GlobalId.decode(encoded)).isEqualTo(new GlobalId(GlobalIdType.Order, "tt-us", "576894201338511223:a/b+c"));
        assertThat(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)).startsWith("og1:Order:tt-us:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "***", "og1:Order:a:1", "b2cxOk9yZGVyOmE", "b2cyOk9yZGVyOmE6MQ", "b2cxOkJhc2tldDphOjE",
            "b2cxOk9yZGVyOkFDTUU6MQ", "b2cxOk9yZGVyOmE6"})
    void refusesAnythingElseAsABadRequest(String id) {
        // plain text, too few parts, version 2, unknown type "Basket", upper-case account, empty native id
        assertThatThrownBy(() -> GlobalId.decode(id)).isInstanceOf(BadRequestException.class).hasMessageContaining("not a valid global id");
    }

    @Test
    void checksTheExpectedTypeWithAMessageNamingBoth() {
        String location = GlobalId.encode(GlobalIdType.Location, new SourceRef(Channel.SHOPIFY, "shopify", "shop", "9"));

        assertThatThrownBy(() -> GlobalId.decode(location, GlobalIdType.Customer, "customerId"))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("'customerId' must be the id of a Customer, but it names a Location");
    }

    @Test
    void truncatesHugeIdsInMessages() {
        String huge = "x".repeat(5000);

        assertThatThrownBy(() -> GlobalId.decode(huge)).hasMessageNotContaining("x".repeat(100));
    }
}
