package dev.omnigate.connector.toolkit.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 for webhook verification and request signing, and constant-time comparison.
 */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {
    }

    /** HMAC-SHA256 of the concatenated parts. */
    public static byte[] sha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    public static byte[] sha256(String key, byte[]... parts) {
        return sha256(key.getBytes(StandardCharsets.UTF_8), parts);
    }

    public static String sha256Base64(String key, byte[]... parts) {
        return Base64.getEncoder().encodeToString(sha256(key, parts));
    }

    public static String sha256Hex(String key, byte[]... parts) {
        return HexFormat.of().formatHex(sha256(key, parts));
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time comparison of an expected signature with a received one; false for null. */
    public static boolean matches(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), received.trim().getBytes(StandardCharsets.UTF_8));
    }
}
