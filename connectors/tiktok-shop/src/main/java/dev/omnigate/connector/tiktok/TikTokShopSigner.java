package dev.omnigate.connector.tiktok;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.toolkit.crypto.Hmac;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * TikTok Shop's request signature and webhook signature (PROTOCOLS.md §3 "Request signing" and "Webhooks").
 *
 * <p>Request: {@code sign = hex(HMAC-SHA256(app_secret, app_secret + path + k1v1k2v2... + body + app_secret))} over
 * every query parameter except {@code sign} and {@code access_token}, keys sorted by byte order, values as sent
 * (decoded), and the exact body bytes sent (none for multipart). Webhook: {@code Authorization =
 * hex(HMAC-SHA256(app_secret, app_key + raw body))}. Pure functions; the secret never leaves them.
 */
public final class TikTokShopSigner {

    /** Query parameters that are never part of the string to sign. */
    private static final java.util.Set<String> EXCLUDED = java.util.Set.of("sign", "access_token");

    private TikTokShopSigner() {
    }

    /**
     * The string TikTok signs, without the secret wrapper: {@code path + sorted k+v + body}. Visible for the
     * test of the documented base string.
     */
    public static byte[] baseString(String path, Map<String, String> query, byte[] body, boolean multipart) {
        requireNonNull(path, "path is null");
        requireNonNull(query, "query is null");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(path.getBytes(StandardCharsets.UTF_8));
        // TreeMap on String sorts by UTF-16 code unit, identical to byte order for the ASCII keys TikTok uses
        new TreeMap<>(query).forEach((key, value) -> {
            if (!EXCLUDED.contains(key)) {
                out.writeBytes(key.getBytes(StandardCharsets.UTF_8));
                out.writeBytes((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
            }
        });
        if (!multipart && body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** The lower-case hex {@code sign} of one request. */
    public static String sign(String appSecret, String path, Map<String, String> query, byte[] body) {
        requireNonNull(appSecret, "appSecret is null");
        byte[] secret = Hmac.utf8(appSecret);
        return Hmac.sha256Hex(appSecret, secret, baseString(path, query, body, false), secret);
    }

    /** The lower-case hex webhook signature TikTok puts in {@code Authorization}. */
    public static String webhookSignature(String appSecret, String appKey, byte[] rawBody) {
        requireNonNull(appSecret, "appSecret is null");
        requireNonNull(appKey, "appKey is null");
        return Hmac.sha256Hex(appSecret, Hmac.utf8(appKey), rawBody);
    }
}
