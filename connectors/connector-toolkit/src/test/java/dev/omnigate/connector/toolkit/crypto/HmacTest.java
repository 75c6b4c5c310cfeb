package dev.omnigate.connector.toolkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

final class HmacTest {

    // RFC 4231 §4.3, test case 2 (HMAC-SHA-256)
    private static final String RFC4231_KEY = "Jefe";
    private static final String RFC4231_DATA = "what do ya want for nothing?";
    private static final String RFC4231_HEX = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void hexMatchesTheRfc4231Vector() {
        assertThat(Hmac.sha256Hex(RFC4231_KEY, Hmac.utf8(RFC4231_DATA))).isEqualTo(RFC4231_HEX);
    }

    @Test
    void base64EncodesTheSameDigest() {
        String expected = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(RFC4231_HEX));
        assertThat(Hmac.sha256Base64(RFC4231_KEY, Hmac.utf8(RFC4231_DATA))).isEqualTo(expected);
    }

    @Test
    void partsAreConcatenatedBeforeSigning() {
        // TikTok signs app_key + body, Zendesk timestamp + body: split parts must equal the joined message
        assertThat(Hmac.sha256Hex(RFC4231_KEY, Hmac.utf8("what do ya "), Hmac.utf8("want for nothing?")))
                .isEqualTo(RFC4231_HEX);
    }

    @Test
    void rawKeyBytesAreSupported() {
        byte[] key = Hmac.utf8(RFC4231_KEY);
        assertThat(HexFormat.of().formatHex(Hmac.sha256(key, Hmac.utf8(RFC4231_DATA)))).isEqualTo(RFC4231_HEX);
    }

    @Test
    void matchesComparesExactlyAndTrimsTheReceivedValue() {
        String signature = Hmac.sha256Base64("secret", Hmac.utf8("{}"));
        assertThat(Hmac.matches(signature, signature)).isTrue();
        assertThat(Hmac.matches(signature, " " + signature + "\n")).isTrue();
    }

    @Test
    void matchesRejectsDifferentShorterAndNullSignatures() {
        String signature = Hmac.sha256Base64("secret", Hmac.utf8("{}"));
        String other = Hmac.sha256Base64("other-secret", Hmac.utf8("{}"));
        assertThat(Hmac.matches(signature, other)).isFalse();
        assertThat(Hmac.matches(signature, signature.substring(1))).isFalse();
        assertThat(Hmac.matches(signature, signature.toLowerCase(java.util.Locale.ROOT))).isFalse();
        assertThat(Hmac.matches(signature, null)).isFalse();
        assertThat(Hmac.matches(null, signature)).isFalse();
        assertThat(Hmac.matches(signature, "")).isFalse();
    }
}
