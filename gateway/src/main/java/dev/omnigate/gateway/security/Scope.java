package dev.omnigate.gateway.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a client may do. Clients hold scopes (API clients from their configuration, JWT clients from a claim); the
 * schema says which scopes each type and field needs ({@code @requiresScopes}), and the web layer which ones each
 * endpoint needs.
 */
public enum Scope {
    /** Products, prices, availability and locations: the storefront's data, no personal data. */
    CATALOG_READ("catalog:read", "products, prices, availability, locations"),
    /** Orders on every channel (the buyer's contact details on an order need {@code customers:read} too). */
    ORDERS_READ("orders:read", "orders (the buyer's contact details need customers:read as well)"),
    /** Everything that is personal data: customer records, customer-360, buyer contact fields, ticket requesters. */
    CUSTOMERS_READ("customers:read", "personal data: customer records, customer360, buyer contact fields on orders"),
    /** Support tickets. */
    TICKETS_READ("tickets:read", "support tickets"),
    /** The {@code inventoryChanged} subscription. */
    INVENTORY_SUBSCRIBE("inventory:subscribe", "the inventoryChanged subscription (WebSocket and SSE)"),
    /** Operating the gateway: cache invalidation, sandbox controls, detailed health, metrics. */
    ADMIN("admin", "cache invalidation, sandbox controls, detailed health and metrics on the main port");

    private static final Map<String, Scope> BY_VALUE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Scope::value, Function.identity()));

    private final String value;
    private final String grants;

    Scope(String value, String grants) {
        this.value = value;
        this.grants = grants;
    }

    /** The name clients and tokens use, e.g. {@code customers:read}. */
    public String value() {
        return value;
    }

    /** What the scope opens, for docs and startup messages. */
    public String grants() {
        return grants;
    }

    /** The Spring Security authority of the scope ({@code SCOPE_customers:read}), as resource servers name them. */
    public String authority() {
        return "SCOPE_" + value;
    }

    /** The scope with this name; empty for names the gateway does not know. */
    public static Optional<Scope> of(String value) {
        return Optional.ofNullable(value == null ? null : BY_VALUE.get(value));
    }

    /** Every scope name, in declaration order (for messages that list the known ones). */
    public static List<String> names() {
        return Arrays.stream(values()).map(Scope::value).toList();
    }

    @Override
    public String toString() {
        return value;
    }
}
