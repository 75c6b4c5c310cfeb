package dev.omnigate.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test vectors of PROTOCOLS.md §3 ("Request signing" and "Webhooks"). */
class TikTokShopSignerTest {

    @Test
    void documentedVectorWithoutBody() {
        // GET /authorization/202309/shops?app_key=29a39d&timestamp=1623812664, app_secret e59af819cc
        Map<String, String> query = Map.of("timestamp", "1623812664", "app_key", "29a39d");
        assertThat(new String(TikTokShopSigner.baseString("/authorization/202309/shops", query, new byte[0], false),
                StandardCharsets.UTF_8)).isEqualTo("/authorization/202309/shopsapp_key29a39dtimestamp1623812664");
        assertThat(TikTokShopSigner.sign("e59af819cc", "/authorization/202309/shops", query, new byte[0]))
                .isEqualTo("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8");
    }

    @Test
    void documentedBaseStringWithBody() {
        byte[] body = "{\"address\":\"https://partner.tiktokshop.com\",\"event_type\":\"PACKAGE_UPDATE\"}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("timestamp", "1696909648");
        query.put("shop_cipher", "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK");
        query.put("app_key", "68xu9ks5p4i8");
        query.put("sign", "ignored");
        query.put("access_token", "ignored-too");
        assertThat(new String(TikTokShopSigner.baseString("/event/202309/webhooks", query, body, false), StandardCharsets.UTF_8))
                .isEqualTo("/event/202309/webhooksapp_key68xu9ks5p4i8shop_cipherROW_xkMbgAAAeVAQra0eZWebFQq5aIK"
                        + "timestamp1696909648{\"address\":\"https://partner.tiktokshop.com\",\"event_type\":\"PACKAGE_UPDATE\"}");
        // digest computed with the same secret in PROTOCOLS.md (not vendor-published)
        assertThat(TikTokShopSigner.sign("e59af819cc", "/event/202309/webhooks", query, body))
                .isEqualTo("cd0d6268252f4ba293bf7ea4c0a2873bf9beec600d22530638564ab301435f7a");
    }

    @Test
    void aMultipartBodyIsNotSigned() {
        byte[] body = "--boundary".getBytes(StandardCharsets.UTF_8);
        assertThat(TikTokShopSigner.baseString("/p", Map.of("a", "1"), body, true)).isEqualTo("/pa1".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void documentedWebhookVector() {
        byte[] body = WEBHOOK_VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(TikTokShopSigner.webhookSignature("123", "abcdef", body))
                .isEqualTo("5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05");
    }

    /** The body of PROTOCOLS.md §3's webhook vector. */
    static final String WEBHOOK_VECTOR_BODY = "{\"type\":1,\"tts_notification_id\":\"7380066284010030890\","
            + "\"shop_id\":\"7495540735365777507\",\"timestamp\":1718305585,\"data\":{\"is_on_hold_order\":true,"
            + "\"order_id\":\"576653688135258178\",\"order_status\":\"UNPAID\",\"update_time\":1718305585}}";
}
