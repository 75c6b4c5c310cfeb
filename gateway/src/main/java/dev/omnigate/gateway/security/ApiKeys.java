package dev.omnigate.gateway.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API key format: {@code og_<key id>_<secret>}. The key id (3 to 40 of {@code a-z 0-9 -}) is not secret: it finds
 * the one stored hash to check, so a request costs at most one hash comparison and an unknown id none. The secret is
 * 32 random bytes in base64url (43 characters) for generated keys.
 */
public final class ApiKeys {

    /** Every API key starts with this; bearer tokens without it are taken for JWTs. */
    public static final String PREFIX = "og_";

    private static final Pattern KEY = Pattern.compile("og_([a-z0-9][a-z0-9-]{2,39})_([A-Za-z0-9_-]{8,128})");
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private ApiKeys() {
    }

    /** A key as presented: its id and the whole key (the hash covers the whole key). */
    public record PresentedKey(String keyId, String key) {
        @Override
        public String toString() {
            return "API key " + keyId; // never the secret
        }
    }

    /** A new key with a new random id. */
    public static String generate() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        return generate(id.toString());
    }

    /** A new key with the given id. */
    public static String generate(String keyId) {
        if (!isKeyId(keyId)) {
            throw new IllegalArgumentException("a key id is 3 to 40 of a-z, 0-9 and '-', starting with a letter or digit");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether a bearer token is meant as an API key (rather than a JWT). */
    public static boolean looksLikeApiKey(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    /** The key's id and text; empty when it is not of the API key format. */
    public static Optional<PresentedKey> parse(String key) {
        if (key == null || key.length() > 200) {
            return Optional.empty();
        }
        Matcher matcher = KEY.matcher(key);
        return matcher.matches() ? Optional.of(new PresentedKey(matcher.group(1), key)) : Optional.empty();
    }

    /** Whether the text is a valid key id. */
    public static boolean isKeyId(String keyId) {
        return keyId != null && KEY_ID.matcher(keyId).matches();
    }
}
