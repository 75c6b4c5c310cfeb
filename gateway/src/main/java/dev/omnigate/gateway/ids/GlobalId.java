package dev.omnigate.gateway.ids;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.error.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An opaque, URL-safe id naming one record on one account: base64url (no padding) of
 * {@code og1:<Type>:<account>:<nativeId>}. The {@code og1} prefix versions the format so that it can change
 * without breaking ids clients stored. Account ids cannot contain {@code :} (they are validated at startup);
 * native ids may.
 *
 * @param type the object type
 * @param account the account id
 * @param nativeId the vendor's id
 */
public record GlobalId(GlobalIdType type, String account, String nativeId) {

    private static final String VERSION = "og1";
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final int MAX_LENGTH = 1024;

    public GlobalId {
        requireNonNull(type, "type is null");
        requireNonNull(account, "account is null");
        requireNonNull(nativeId, "nativeId is null");
    }

    public static GlobalId of(GlobalIdType type, SourceRef source) {
        return new GlobalId(type, source.account(), source.nativeId());
    }

    public static String encode(GlobalIdType type, SourceRef source) {
        return of(type, source).encode();
    }

    public String encode() {
        String plain = VERSION + ":" + type.name() + ":" + account + ":" + nativeId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes an id a client sent.
     *
     * @throws BadRequestException when it is not a well-formed global id of this gateway
     */
    public static GlobalId decode(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_LENGTH) {
            throw malformed(id);
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(id.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(id);
        }
        String[] parts = plain.split(":", 4);
        if (parts.length != 4 || !parts[0].equals(VERSION) || !ACCOUNT.matcher(parts[2]).matches() || parts[3].isBlank()) {
            throw malformed(id);
        }
        GlobalIdType type;
        try {
            type = GlobalIdType.valueOf(parts[1]);
        } catch (IllegalArgumentException e) {
            throw malformed(id);
        }
        return new GlobalId(type, parts[2], parts[3]);
    }

    /** Decodes and checks the type. */
    public static GlobalId decode(String id, GlobalIdType expected, String argument) {
        GlobalId decoded = decode(id);
        if (decoded.type() != expected) {
            throw new BadRequestException("'" + argument + "' must be the id of a " + expected + ", but it names a " + decoded.type());
        }
        return decoded;
    }

    private static BadRequestException malformed(String id) {
        String shown = id == null ? "null" : id.length() > 64 ? id.substring(0, 64) + "…" : id;
        return new BadRequestException("'" + shown + "' is not a valid global id (ids come from an object's id field)");
    }
}
