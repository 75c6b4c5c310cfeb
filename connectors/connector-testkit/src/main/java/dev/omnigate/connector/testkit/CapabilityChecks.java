package dev.omnigate.connector.testkit;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorDescriptor;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.SpiVersion;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.read.BatchReader;
import dev.omnigate.connector.api.read.OrderReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;

/**
 * The Discovery group's logic as plain functions returning the problems found (empty = pass), so the
 * kit's own tests can feed it lying connectors and the gateway's registry can reuse the same rules.
 */
public final class CapabilityChecks {

    /** Capability to its accessor on {@link Connector}; {@code ORDERS_BY_CUSTOMER} has none. */
    public static final Map<Capability, Function<Connector, Optional<?>>> ACCESSORS;

    static {
        Map<Capability, Function<Connector, Optional<?>>> accessors = new EnumMap<>(Capability.class);
        accessors.put(Capability.CUSTOMERS_READ, Connector::customers);
        accessors.put(Capability.ORDERS_READ, Connector::orders);
        accessors.put(Capability.INVENTORY_READ, Connector::inventory);
        accessors.put(Capability.PRICES_READ, Connector::prices);
        accessors.put(Capability.LOCATIONS_READ, Connector::locations);
        accessors.put(Capability.TICKETS_READ, Connector::tickets);
        accessors.put(Capability.CHANGES_WEBHOOK, Connector::webhooks);
        accessors.put(Capability.CHANGES_POLLING, Connector::changePoller);
        ACCESSORS = java.util.Collections.unmodifiableMap(accessors);
    }

    private CapabilityChecks() {
    }

    /** Problems with the descriptor alone: id pattern and SPI version. */
    public static List<String> descriptorProblems(ConnectorDescriptor descriptor) {
        List<String> problems = new ArrayList<>();
        if (!ConnectorDescriptor.ID_PATTERN.matcher(descriptor.id()).matches()) {
            problems.add("id '" + descriptor.id() + "' does not match " + ConnectorDescriptor.ID_PATTERN);
        }
        if (!SpiVersion.isCompatible(descriptor.spiVersion(), SpiVersion.CURRENT)) {
            problems.add("spiVersion '" + descriptor.spiVersion() + "' is not compatible with the host's " + SpiVersion.CURRENT);
        }
        if (descriptor.displayName().isBlank()) {
            problems.add("displayName is blank");
        }
        return problems;
    }

    /**
     * Problems with how {@code connector} matches {@code descriptor}: declared ⇔ present accessors,
     * stable readers, sane batch sizes, and the standard refusal of {@code getByCustomerIds} when
     * {@code ORDERS_BY_CUSTOMER} is undeclared (that check calls the method once with a probe id).
     */
    public static List<String> accessorProblems(ConnectorDescriptor descriptor, Connector connector) {
        List<String> problems = new ArrayList<>();
        ACCESSORS.forEach((capability, accessor) -> {
            Optional<?> first;
            try {
                first = accessor.apply(connector);
            } catch (RuntimeException e) {
                problems.add("the accessor for " + capability + " threw " + e);
                return;
            }
            boolean declared = descriptor.supports(capability);
            if (declared && first.isEmpty()) {
                problems.add(capability + " is declared but its accessor is empty");
            } else if (!declared && first.isPresent()) {
                problems.add(capability + " is not declared but its accessor returns a reader");
            }
            if (first.isPresent()) {
                Optional<?> second = accessor.apply(connector);
                if (second.isEmpty() || second.get() != first.get()) {
                    problems.add("the accessor for " + capability + " does not return the same reader each time");
                }
                if (first.get() instanceof BatchReader reader && reader.maxBatchSize() < 1) {
                    problems.add(capability + " reader has maxBatchSize " + reader.maxBatchSize() + " (must be at least 1)");
                }
            }
        });
        boolean byCustomer = descriptor.supports(Capability.ORDERS_BY_CUSTOMER);
        if (byCustomer && !descriptor.supports(Capability.ORDERS_READ)) {
            problems.add("ORDERS_BY_CUSTOMER is declared without ORDERS_READ (it has no accessor of its own)");
        }
        Optional<OrderReader> orders = connector.orders();
        if (!byCustomer && orders.isPresent()) {
            problems.addAll(standardRefusalProblems(orders.get()));
        }
        return problems;
    }

    /** Problems with the refusal of an undeclared {@code getByCustomerIds}. */
    static List<String> standardRefusalProblems(OrderReader reader) {
        String expected = ConnectorException.unsupportedMessage(Capability.ORDERS_BY_CUSTOMER);
        try {
            reader.getByCustomerIds(CallContext.withTimeout("capability-probe", Duration.ofSeconds(2)), Set.of("capability-probe"));
            return List.of("ORDERS_BY_CUSTOMER is not declared but getByCustomerIds answered instead of refusing");
        } catch (ConnectorException e) {
            if (e.category() != ErrorCategory.UNSUPPORTED || !expected.equals(e.getMessage())) {
                return List.of("ORDERS_BY_CUSTOMER is not declared; getByCustomerIds must refuse with UNSUPPORTED '"
                        + expected + "', but threw " + e.category() + " '" + e.getMessage() + "'");
            }
            return List.of();
        } catch (RuntimeException e) {
            return List.of("ORDERS_BY_CUSTOMER is not declared; getByCustomerIds must refuse with UNSUPPORTED, but threw " + e);
        }
    }

    /**
     * Problems with how {@code factoryType} is registered for {@link ServiceLoader}: it must be listed
     * exactly once, and no other provider may use its id.
     */
    public static List<String> serviceLoaderProblems(Class<? extends ConnectorFactory> factoryType, String id, ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        List<ServiceLoader.Provider<ConnectorFactory>> providers = ServiceLoader.load(ConnectorFactory.class, loader).stream().toList();
        long listed = providers.stream().filter(provider -> provider.type() == factoryType).count();
        if (listed != 1) {
            problems.add(factoryType.getName() + " is found " + listed + " times through ServiceLoader; list it exactly once in "
                    + "META-INF/services/" + ConnectorFactory.class.getName());
        }
        long sameId = providers.stream().filter(provider -> provider.type() != factoryType)
                .filter(provider -> id.equals(provider.get().descriptor().id())).count();
        if (sameId > 0) {
            problems.add(sameId + " other provider(s) also use the connector id '" + id + "'");
        }
        return problems;
    }

    /** Whether a contract test class follows the {@code <Vendor>ConnectorContractTest} naming rule. */
    public static List<String> namingProblems(Class<?> contractTestClass) {
        String name = contractTestClass.getSimpleName();
        return name.endsWith("ConnectorContractTest") && name.length() > "ConnectorContractTest".length()
                ? List.of()
                : List.of("contract test class '" + name + "' must be named <Vendor>ConnectorContractTest");
    }
}
