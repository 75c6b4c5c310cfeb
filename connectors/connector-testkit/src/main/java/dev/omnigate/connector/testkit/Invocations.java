package dev.omnigate.connector.testkit;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.read.PageRequest;
import java.util.Set;
import java.util.function.Supplier;

/** Makes one {@link ContractOperation} call with fixture inputs. */
final class Invocations {

    private Invocations() {
    }

    /** The call's result (whatever the reader returns); throws what the reader throws. */
    static Object invoke(Connector connector, ContractOperation operation, ContractFixtures fixtures, CallContext context) {
        return switch (operation) {
            case CUSTOMERS_BY_IDS -> present(connector.customers(), operation)
                    .getByIds(context, need(fixtures.customers(), operation).expected().keySet());
            case CUSTOMERS_SEARCH -> {
                var search = firstSearch(need(fixtures.customers(), operation).searches(), operation);
                yield present(connector.customers(), operation).search(context, search.query(), PageRequest.first(search.pageSize()));
            }
            case ORDERS_BY_IDS -> present(connector.orders(), operation)
                    .getByIds(context, need(fixtures.orders(), operation).expected().keySet());
            case ORDERS_SEARCH -> {
                var search = firstSearch(need(fixtures.orders(), operation).searches(), operation);
                yield present(connector.orders(), operation).search(context, search.query(), PageRequest.first(search.pageSize()));
            }
            case ORDERS_BY_CUSTOMER -> present(connector.orders(), operation)
                    .getByCustomerIds(context, need(fixtures.orders(), operation).ordersByCustomer().keySet());
            case INVENTORY_BY_SKUS -> present(connector.inventory(), operation)
                    .getBySkus(context, need(fixtures.inventory(), operation).expected().keySet());
            case PRICES_BY_SKUS -> present(connector.prices(), operation)
                    .getBySkus(context, need(fixtures.prices(), operation).expected().keySet());
            case LOCATIONS_LIST -> present(connector.locations(), operation).listAll(context);
            case TICKETS_BY_IDS -> present(connector.tickets(), operation)
                    .getByIds(context, need(fixtures.tickets(), operation).expected().keySet());
            case TICKETS_BY_REQUESTER -> present(connector.tickets(), operation)
                    .getByRequesterIds(context, Set.copyOf(need(fixtures.tickets(), operation).ticketsByRequester().keySet()));
            case CHANGES_POLL -> present(connector.changePoller(), operation).poll(context, null);
            case HEALTH -> connector.checkHealth(context);
        };
    }

    private static <T> T present(java.util.Optional<T> reader, ContractOperation operation) {
        return reader.orElseThrow(() -> new AssertionError("the reader for " + operation + " is absent although "
                + operation.capability().orElseThrow() + " is declared"));
    }

    private static <T> T need(java.util.Optional<T> part, ContractOperation operation) {
        return part.orElseThrow(missingFixture(operation));
    }

    static Supplier<AssertionError> missingFixture(ContractOperation operation) {
        return () -> new AssertionError(operation.capability().map(Enum::name).orElse(operation.name())
                + " is declared: add its part to ContractFixtures (needed for " + operation + ")");
    }

    private static <Q> SearchCase<Q> firstSearch(java.util.List<SearchCase<Q>> searches, ContractOperation operation) {
        if (searches.isEmpty()) {
            throw new AssertionError(operation + " needs at least one SearchCase in the fixtures");
        }
        return searches.get(0);
    }
}
