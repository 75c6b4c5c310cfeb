package dev.omnigate.gateway.security;

import java.io.PrintStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code new-api-key <client-id> [--argon2]}: prints a new API key (shown once: give it to the client) and the lines to
 * paste into {@code config/clients/<client-id>.yml} (only the key's hash is stored). Runs without starting the gateway:
 * {@code java -jar gateway/target/omnigate-gateway.jar new-api-key storefront-web}.
 */
public final class ApiKeyTool {

    /** The command word. */
    public static final String COMMAND = "new-api-key";

    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private ApiKeyTool() {
    }

    /**
     * @return the process exit code: 0, or 2 for bad arguments
     */
    public static int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> rest = arguments.subList(1, arguments.size());
        boolean argon2 = rest.contains("--argon2");
        List<String> ids = rest.stream().filter(argument -> !argument.startsWith("--")).toList();
        if (ids.size() != 1 || !CLIENT_ID.matcher(ids.getFirst()).matches() || rest.stream().anyMatch(a -> a.startsWith("--") && !a.equals("--argon2"))) {
            err.println("usage: new-api-key <client-id> [--argon2]");
            err.println("  <client-id>: 1 to 63 of a-z, 0-9, '.', '_' and '-' (the id in config/clients/*.yml)");
            return 2;
        }
        String clientId = ids.getFirst();
        String key = ApiKeys.generate();
        String keyId = ApiKeys.parse(key).orElseThrow().keyId();
        String hash = ApiKeyHashes.hash(key, argon2 ? ApiKeyHashes.Kind.ARGON2 : ApiKeyHashes.Kind.BCRYPT);
        out.println("API key for client '" + clientId + "' (shown once; the gateway stores only its hash):");
        out.println();
        out.println("  " + key);
        out.println();
        out.println("Add to config/clients/" + clientId + ".yml (a new file, or the client's api-keys list):");
        out.println();
        out.println("omnigate:");
        out.println("  clients:");
        out.println("    " + clientId + ":");
        out.println("      name: " + clientId);
        out.println("      scopes: [catalog:read]   # choose: " + String.join(", ", Scope.names()));
        out.println("      api-keys:");
        out.println("        - id: " + keyId);
        out.println("          hash: \"" + hash + "\"");
        out.println();
        out.println("Clients send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'. The gateway picks up the change within");
        out.println("omnigate.security.clients-reload-interval (10 s); revoke with 'revoked: true' on the key.");
        return 0;
    }
}
