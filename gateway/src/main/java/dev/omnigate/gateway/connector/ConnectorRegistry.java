package dev.omnigate.gateway.connector;

import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorDescriptor;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.SpiVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The connector plugins the gateway can use, by connector id (Trino's {@code PluginManager} idea).
 *
 * <p>Found with {@link ServiceLoader} over {@link ConnectorFactory}, plus any extra factories the host hands
 * in (tests do). Construction fails fast, listing every problem at once: no two factories may share an id,
 * every factory's SPI version must be {@linkplain SpiVersion#isCompatible compatible} with this host's, and
 * descriptors must be readable. Whether capabilities and accessors agree can only be checked on a created
 * connector: see {@link #capabilityProblems}.
 */
public final class ConnectorRegistry {

    private final Map<String, ConnectorFactory> factories;

    public ConnectorRegistry(Collection<? extends ConnectorFactory> candidates) {
        Map<String, ConnectorFactory> byId = new LinkedHashMap<>();
        Map<String, List<String>> sourcesById = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ConnectorFactory factory : candidates) {
            ConnectorDescriptor descriptor;
            try {
                descriptor = factory.descriptor();
            } catch (RuntimeException e) {
                problems.add(factory.getClass().getName() + ": descriptor() threw " + e.getClass().getSimpleName());
                continue;
            }
            if (descriptor == null) {
                problems.add(factory.getClass().getName() + ": descriptor() returned null");
                continue;
            }
            sourcesById.computeIfAbsent(descriptor.id(), id -> new ArrayList<>()).add(factory.getClass().getName());
            if (!SpiVersion.isCompatible(descriptor.spiVersion(), SpiVersion.CURRENT)) {
                problems.add("connector '" + descriptor.id() + "' (" + factory.getClass().getName() + ") is built against SPI "
                        + descriptor.spiVersion() + ", which this gateway (SPI " + SpiVersion.CURRENT + ") cannot run: "
                        + "the major version must be equal and the minor version not newer");
                continue;
            }
            byId.putIfAbsent(descriptor.id(), factory);
        }
        sourcesById.forEach((id, sources) -> {
            if (sources.size() > 1) {
                problems.add("connector id '" + id + "' is claimed by " + sources.size() + " factories: " + String.join(", ", sources));
            }
        });
        if (!problems.isEmpty()) {
            throw new ConnectorRegistryException(problems);
        }
        this.factories = Map.copyOf(byId);
    }

    /** Every factory on the class path, plus {@code extra} (for tests and embedded hosts). */
    public static ConnectorRegistry discover(Collection<? extends ConnectorFactory> extra) {
        List<ConnectorFactory> all = new ArrayList<>();
        ServiceLoader.load(ConnectorFactory.class).forEach(all::add);
        all.addAll(extra);
        return new ConnectorRegistry(all);
    }

    public Optional<ConnectorFactory> factory(String connectorId) {
        return Optional.ofNullable(factories.get(connectorId));
    }

    /** Known connector ids, sorted. */
    public List<String> connectorIds() {
        return factories.keySet().stream().sorted().toList();
    }

    /** Every descriptor, sorted by id. */
    public List<ConnectorDescriptor> descriptors() {
        return connectorIds().stream().map(id -> factories.get(id).descriptor()).toList();
    }

    /**
     * Where a created connector's accessors disagree with its descriptor: a declared capability whose
     * accessor is empty, a present accessor whose capability is undeclared, or {@code ORDERS_BY_CUSTOMER}
     * declared without {@code ORDERS_READ}. Accessors that throw count as problems too. Empty when truthful.
     */
    public static List<String> capabilityProblems(ConnectorDescriptor descriptor, Connector connector) {
        List<String> problems = new ArrayList<>();
        check(descriptor, connector, Capability.CUSTOMERS_READ, "customers()", Connector::customers, problems);
        check(descriptor, connector, Capability.ORDERS_READ, "orders()", Connector::orders, problems);
        check(descriptor, connector, Capability.INVENTORY_READ, "inventory()", Connector::inventory, problems);
        check(descriptor, connector, Capability.PRICES_READ, "prices()", Connector::prices, problems);
        check(descriptor, connector, Capability.LOCATIONS_READ, "locations()", Connector::locations, problems);
        check(descriptor, connector, Capability.TICKETS_READ, "tickets()", Connector::tickets, problems);
        check(descriptor, connector, Capability.CHANGES_WEBHOOK, "webhooks()", Connector::webhooks, problems);
        check(descriptor, connector, Capability.CHANGES_POLLING, "changePoller()", Connector::changePoller, problems);
        if (descriptor.supports(Capability.ORDERS_BY_CUSTOMER) && !descriptor.supports(Capability.ORDERS_READ)) {
            problems.add("declares ORDERS_BY_CUSTOMER without ORDERS_READ (it is served by the orders() reader)");
        }
        return problems;
    }

    private static void check(ConnectorDescriptor descriptor, Connector connector, Capability capability, String accessor,
            Function<Connector, Optional<?>> read, List<String> problems) {
        boolean present;
        try {
            Optional<?> reader = read.apply(connector);
            present = reader != null && reader.isPresent();
        } catch (RuntimeException e) {
            problems.add(accessor + " threw " + e.getClass().getSimpleName() + " (accessors must not throw)");
            return;
        }
        boolean declared = descriptor.supports(capability);
        if (declared && !present) {
            problems.add("declares " + capability + " but " + accessor + " is empty");
        } else if (!declared && present) {
            problems.add(accessor + " returns a reader but " + capability + " is not declared");
        }
    }
}
