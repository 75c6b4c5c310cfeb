package dev.omnigate.gateway.sandbox;

import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.gateway.security.ApiKeyDefinition;
import dev.omnigate.gateway.security.ApiKeyHashes;
import dev.omnigate.gateway.security.BuiltInClients;
import dev.omnigate.gateway.security.ClientDefinition;
import dev.omnigate.gateway.security.PartnerFilter;
import dev.omnigate.gateway.security.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The sandbox's demo clients, one per kind of user, with documented keys (README, startup log, GraphiQL's key picker).
 * The keys are public: they exist only in sandbox mode, never next to real accounts.
 */
public final class SandboxClients implements BuiltInClients {

    /** One demo client: its role, its public key, what it may do. */
    public record DemoClient(String role, String key, ClientDefinition definition) {
    }

    /** The storefront: catalogue only, no personal data. */
    public static final String FRONTEND_KEY = "og_demo-frontend_sandbox-only";
    /** The support tool: customers, orders, tickets (and the catalogue for order lines). */
    public static final String SUPPORT_KEY = "og_demo-support_sandbox-only";
    /** A 3PL partner: the catalogue and stock changes of the Summit Down Jacket and Crew 28 SKUs, in warehouses only. */
    public static final String PARTNER_KEY = "og_demo-partner_sandbox-only";
    /** Operations: every scope, admin included. */
    public static final String ADMIN_KEY = "og_demo-admin_sandbox-only";
    /** The demo partner's SKU patterns. */
    public static final List<String> PARTNER_SKUS = List.of("OO-SDJ-*", "OO-C28-*");

    private static final String ORIGIN = "sandbox demo clients";
    // demo keys are public; a low bcrypt cost keeps the sandbox's start fast
    private static final int DEMO_BCRYPT_COST = 4;

    private final List<DemoClient> demo;

    public SandboxClients() {
        this.demo = List.of(
                client("frontend", FRONTEND_KEY, "demo-frontend", "Demo storefront", EnumSet.of(Scope.CATALOG_READ), PartnerFilter.NONE),
                client("support", SUPPORT_KEY, "demo-support", "Demo support desk",
                        EnumSet.of(Scope.CUSTOMERS_READ, Scope.ORDERS_READ, Scope.TICKETS_READ, Scope.CATALOG_READ), PartnerFilter.NONE),
                client("partner", PARTNER_KEY, "demo-partner", "Demo 3PL partner", EnumSet.of(Scope.CATALOG_READ, Scope.INVENTORY_SUBSCRIBE),
                        new PartnerFilter(PARTNER_SKUS, Set.of(LocationKind.WAREHOUSE), Set.of())),
                client("admin", ADMIN_KEY, "demo-admin", "Demo operator", EnumSet.allOf(Scope.class), PartnerFilter.NONE));
    }

    private static DemoClient client(String role, String key, String id, String name, Set<Scope> scopes, PartnerFilter partner) {
        String keyId = key.substring(3, key.indexOf('_', 3));
        ApiKeyDefinition apiKey = new ApiKeyDefinition(keyId, ApiKeyHashes.bcrypt(key, DEMO_BCRYPT_COST), null, false);
        return new DemoClient(role, key, new ClientDefinition(id, name, scopes, List.of(apiKey), partner, ORIGIN));
    }

    /** The demo clients in role order (frontend, support, partner, admin). */
    public List<DemoClient> demo() {
        return demo;
    }

    @Override
    public List<ClientDefinition> clients() {
        return demo.stream().map(DemoClient::definition).toList();
    }

    @Override
    public String describe() {
        return ORIGIN + " (" + demo.size() + ")";
    }
}
