package dev.omnigate.gateway.support;

import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.gateway.security.ApiKeyDefinition;
import dev.omnigate.gateway.security.ApiKeyHashes;
import dev.omnigate.gateway.security.BuiltInClients;
import dev.omnigate.gateway.security.ClientDefinition;
import dev.omnigate.gateway.security.ClientQuota;
import dev.omnigate.gateway.security.GatewayClient;
import dev.omnigate.gateway.security.PartnerFilter;
import dev.omnigate.gateway.security.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The API clients of the {@link GatewayTest} context, with real keys and real (low-cost) bcrypt hashes, so HTTP tests
 * authenticate exactly as production clients do. {@link GraphQlClient} runs in-process queries as {@link #ALL} unless
 * told otherwise.
 */
public final class TestClients implements BuiltInClients {

    /** Every scope. */
    public static final String ALL_KEY = "og_test-all_all-scopes-secret";
    /** catalog:read only (a storefront). */
    public static final String CATALOG_KEY = "og_test-catalog_catalog-secret";
    /** customers, orders, tickets and catalog (a support tool). */
    public static final String SUPPORT_KEY = "og_test-support_support-secret";
    /** orders:read only. */
    public static final String ORDERS_KEY = "og_test-orders_orders-secret";
    /** catalog:read and inventory:subscribe, limited to MUG-* in warehouses (a partner). */
    public static final String PARTNER_KEY = "og_test-partner_partner-secret";
    /** The support scopes with a small cost quota (a bucket of 600 points refilling at 20 a second). */
    public static final String SMALL_QUOTA_KEY = "og_test-small-quota_small-quota-secret";
    /** catalog:read and inventory:subscribe, no partner limits (the connection-limit tests hold its sockets). */
    public static final String SUBSCRIBER_KEY = "og_test-subscriber_subscriber-secret";
    /** catalog:read only, no subscription (refused on the WebSocket with 4403). */
    public static final String NO_SUBSCRIBE_KEY = CATALOG_KEY;
    /** A key of {@link #WITHDRAWN} marked revoked. */
    public static final String REVOKED_KEY = "og_test-revoked_revoked-secret";
    /** A key of {@link #WITHDRAWN} that expired on 2020-01-01. */
    public static final String EXPIRED_KEY = "og_test-expired_expired-secret";

    /** Every scope and a quota no test reaches (tests of the quota use clients of their own). */
    public static final ClientDefinition ALL = withQuota(client("test-all", ALL_KEY, EnumSet.allOf(Scope.class), PartnerFilter.NONE),
            new ClientQuota(100_000, 100_000_000, 100_000_000));
    public static final ClientDefinition CATALOG = client("test-catalog", CATALOG_KEY, EnumSet.of(Scope.CATALOG_READ), PartnerFilter.NONE);
    public static final ClientDefinition SUPPORT = client("test-support", SUPPORT_KEY,
            EnumSet.of(Scope.CUSTOMERS_READ, Scope.ORDERS_READ, Scope.TICKETS_READ, Scope.CATALOG_READ), PartnerFilter.NONE);
    public static final ClientDefinition SMALL_QUOTA = withQuota(client("test-small-quota", SMALL_QUOTA_KEY,
            EnumSet.of(Scope.CUSTOMERS_READ, Scope.ORDERS_READ, Scope.TICKETS_READ, Scope.CATALOG_READ), PartnerFilter.NONE),
            new ClientQuota(null, 600, 20));
    public static final ClientDefinition SUBSCRIBER = client("test-subscriber", SUBSCRIBER_KEY,
            EnumSet.of(Scope.CATALOG_READ, Scope.INVENTORY_SUBSCRIBE), PartnerFilter.NONE);
    public static final ClientDefinition ORDERS = client("test-orders", ORDERS_KEY, EnumSet.of(Scope.ORDERS_READ), PartnerFilter.NONE);
    public static final ClientDefinition PARTNER = client("test-partner", PARTNER_KEY,
            EnumSet.of(Scope.CATALOG_READ, Scope.INVENTORY_SUBSCRIBE),
            new PartnerFilter(List.of("MUG-*"), Set.of(LocationKind.WAREHOUSE), Set.of()));

    /** A client whose keys no longer work: one revoked, one expired. */
    public static final ClientDefinition WITHDRAWN = new ClientDefinition("test-withdrawn", "test-withdrawn", EnumSet.of(Scope.CATALOG_READ),
            List.of(new ApiKeyDefinition("test-revoked", ApiKeyHashes.bcrypt(REVOKED_KEY, 4), null, true),
                    new ApiKeyDefinition("test-expired", ApiKeyHashes.bcrypt(EXPIRED_KEY, 4), java.time.Instant.parse("2020-01-01T00:00:00Z"),
                            false)),
            PartnerFilter.NONE, "test clients");

    private static ClientDefinition withQuota(ClientDefinition client, ClientQuota quota) {
        return new ClientDefinition(client.id(), client.name(), client.scopes(), client.apiKeys(), client.partner(), client.origin(), quota);
    }

    private static ClientDefinition client(String id, String key, Set<Scope> scopes, PartnerFilter partner) {
        String keyId = key.substring(3, key.indexOf('_', 3));
        return new ClientDefinition(id, id, scopes, List.of(new ApiKeyDefinition(keyId, ApiKeyHashes.bcrypt(key, 4), null, false)),
                partner, "test clients");
    }

    /** The client as it authenticates with its key. */
    public static GatewayClient as(ClientDefinition definition) {
        return definition.asApiKeyClient();
    }

    /** Registers the test clients in a test's Spring context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {
        @Bean
        public TestClients testClients() {
            return new TestClients();
        }
    }

    /** {@code Authorization: Bearer <key>}. */
    public static String bearer(String key) {
        return "Bearer " + key;
    }

    @Override
    public List<ClientDefinition> clients() {
        return List.of(ALL, CATALOG, SUPPORT, SMALL_QUOTA, SUBSCRIBER, ORDERS, PARTNER, WITHDRAWN);
    }

    @Override
    public String describe() {
        return "test clients";
    }
}
