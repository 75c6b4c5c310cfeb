package dev.omnigate.connector.testkit;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorContext;
import dev.omnigate.connector.api.ConnectorDescriptor;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.connector.api.SpiVersion;
import dev.omnigate.connector.api.config.ConfigSpec;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Hand-written connectors that break the contract in one specific way each, for the kit's own tests. */
final class LyingConnectors {

    private LyingConnectors() {
    }

    static ConnectorDescriptor descriptor(String id, Set<Capability> capabilities) {
        return new ConnectorDescriptor(id, "Lying " + id, Channel.POS, SpiVersion.CURRENT, capabilities, ConfigSpec.builder().build());
    }

    /** A connector with no readers at all; subclasses override accessors to lie. */
    static class Empty implements Connector {
        @Override
        public HealthReport checkHealth(CallContext context) {
            return HealthReport.up("fine");
        }

        @Override
        public void close() {
        }
    }

    /** An order reader that refuses ORDERS_BY_CUSTOMER in the standard way. */
    static class HonestOrders implements OrderReader {
        @Override
        public int maxBatchSize() {
            return 10;
        }

        @Override
        public Map<String, Order> getByIds(CallContext context, Set<String> ids) {
            return Map.of();
        }

        @Override
        public Page<Order> search(CallContext context, OrderQuery query, PageRequest page) {
            return Page.last(List.of());
        }
    }

    /** Implements getByCustomerIds although the descriptor does not declare ORDERS_BY_CUSTOMER. */
    static final class SecretlyByCustomer extends HonestOrders {
        @Override
        public Map<String, List<Order>> getByCustomerIds(CallContext context, Set<String> customerIds) {
            return Map.of();
        }
    }

    /** Refuses, but with its own wording and category. */
    static final class OddRefusal extends HonestOrders {
        @Override
        public Map<String, List<Order>> getByCustomerIds(CallContext context, Set<String> customerIds) {
            throw ConnectorException.of(ErrorCategory.BAD_REQUEST, "nope, not here");
        }
    }

    /** A customer reader that knows nobody. */
    static final class NoCustomers implements dev.omnigate.connector.api.read.CustomerReader {
        @Override
        public int maxBatchSize() {
            return 5;
        }

        @Override
        public Map<String, dev.omnigate.connector.api.model.Customer> getByIds(CallContext context, Set<String> ids) {
            return Map.of();
        }

        @Override
        public Page<dev.omnigate.connector.api.model.Customer> search(CallContext context,
                dev.omnigate.connector.api.read.CustomerQuery query, PageRequest page) {
            return Page.last(List.of());
        }
    }

    static final class ZeroBatchInventory implements InventoryReader {
        @Override
        public int maxBatchSize() {
            return 0;
        }

        @Override
        public Map<String, List<InventoryLevel>> getBySkus(CallContext context, Set<String> skus) {
            return Map.of();
        }
    }

    static Connector withOrders(OrderReader reader) {
        return new Empty() {
            @Override
            public Optional<OrderReader> orders() {
                return Optional.of(reader);
            }
        };
    }

    /** A factory whose connectors have no readers: only its class (listed or not) and its connector id matter. */
    abstract static class IdOnlyFactory implements ConnectorFactory {
        private final String id;

        IdOnlyFactory(String id) {
            this.id = id;
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return LyingConnectors.descriptor(id, Set.of());
        }

        @Override
        public Connector create(ConnectorConfig config, ConnectorContext context) {
            return new Empty();
        }
    }

    /** Listed in this module's test META-INF/services. */
    public static final class ListedFactory extends IdOnlyFactory {
        public ListedFactory() {
            super("kit-self-test");
        }
    }

    /** Also listed, claiming the same id as {@link ListedFactory}. */
    public static final class SameIdFactory extends IdOnlyFactory {
        public SameIdFactory() {
            super("kit-self-test");
        }
    }

    /** Not listed anywhere. */
    public static final class UnlistedFactory extends IdOnlyFactory {
        public UnlistedFactory() {
            super("kit-unlisted");
        }
    }
}
