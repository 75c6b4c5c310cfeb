package dev.omnigate.gateway.security;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The hashes API keys are stored as: bcrypt or Argon2, through Spring Security's password encoders, in the
 * {@code {id}hash} form of its {@link DelegatingPasswordEncoder} ({@code {bcrypt}$2a$10$...},
 * {@code {argon2@SpringSecurity_v5_8}$argon2id$...}); a bare {@code $2a$...} or {@code $argon2id$...} is accepted too.
 * Nothing else is: no plain text, no fast digests.
 */
public final class ApiKeyHashes {

    /** The bcrypt cost of generated hashes (Spring Security's default, ~0.1 s per check here; checks are cached). */
    public static final int BCRYPT_STRENGTH = 10;
    /** Below this bcrypt cost a configured hash is accepted with a warning (tests and demos use 4). */
    public static final int WEAK_BCRYPT_STRENGTH = 10;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final Pattern ARGON2 = Pattern.compile("\\$argon2(id|i|d)\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+");
    private static final String BCRYPT_ID = "bcrypt";
    private static final String ARGON2_ID = "argon2@SpringSecurity_v5_8";

    private static final PasswordEncoder ENCODER = encoder();

    private ApiKeyHashes() {
    }

    private static PasswordEncoder encoder() {
        Map<String, PasswordEncoder> encoders = Map.of(
                BCRYPT_ID, new BCryptPasswordEncoder(BCRYPT_STRENGTH),
                ARGON2_ID, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        return new DelegatingPasswordEncoder(BCRYPT_ID, encoders);
    }

    /** What a configured hash is. */
    public enum Kind {
        BCRYPT,
        ARGON2
    }

    /**
     * The hash in {@code {id}hash} form, or empty when it is not a bcrypt or Argon2 hash.
     */
    public static Optional<String> normalize(String configured) {
        if (configured == null) {
            return Optional.empty();
        }
        String hash = configured.trim();
        String bare = hash;
        String declared = null;
        if (hash.startsWith("{")) {
            int end = hash.indexOf('}');
            if (end < 0) {
                return Optional.empty();
            }
            declared = hash.substring(1, end);
            bare = hash.substring(end + 1);
        }
        if (BCRYPT.matcher(bare).matches() && (declared == null || declared.equals(BCRYPT_ID))) {
            return Optional.of("{" + BCRYPT_ID + "}" + bare);
        }
        if (ARGON2.matcher(bare).matches() && (declared == null || declared.equals(ARGON2_ID) || declared.equals("argon2"))) {
            return Optional.of("{" + ARGON2_ID + "}" + bare);
        }
        return Optional.empty();
    }

    /** The kind of a normalized hash. */
    public static Kind kindOf(String normalized) {
        return normalized.startsWith("{" + BCRYPT_ID + "}") ? Kind.BCRYPT : Kind.ARGON2;
    }

    /** The bcrypt cost of a normalized bcrypt hash; -1 for others. */
    public static int bcryptStrength(String normalized) {
        Matcher matcher = BCRYPT.matcher(normalized.substring(normalized.indexOf('}') + 1));
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** A new hash of the key ({@code {bcrypt}} unless Argon2 is asked for). */
    public static String hash(String key, Kind kind) {
        return kind == Kind.ARGON2
                ? "{" + ARGON2_ID + "}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(key)
                : "{" + BCRYPT_ID + "}" + new BCryptPasswordEncoder(BCRYPT_STRENGTH).encode(key);
    }

    /** A bcrypt hash of the given cost (the sandbox's demo keys use a low one: they are public anyway). */
    public static String bcrypt(String key, int strength) {
        return "{" + BCRYPT_ID + "}" + new BCryptPasswordEncoder(strength).encode(key);
    }

    /** Whether the key matches a normalized hash; slow on purpose (bcrypt, Argon2). */
    public static boolean matches(String key, String normalizedHash) {
        return ENCODER.matches(key, normalizedHash);
    }
}
