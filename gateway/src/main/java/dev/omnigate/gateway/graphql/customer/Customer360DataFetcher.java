package dev.omnigate.gateway.graphql.customer;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.gateway.connector.AccountFailure;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.graphql.batch.AccountScopedKey;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.graphql.error.Fetched;
import dev.omnigate.gateway.graphql.error.GraphQlErrors;
import dev.omnigate.gateway.graphql.order.OrderDataFetcher;
import dev.omnigate.gateway.graphql.order.OrderDataLoader;
import dev.omnigate.gateway.graphql.order.OrdersByCustomerDataLoader;
import dev.omnigate.gateway.graphql.paging.Connection;
import dev.omnigate.gateway.graphql.paging.OffsetCursor;
import dev.omnigate.gateway.graphql.paging.PageArgs;
import dev.omnigate.gateway.graphql.ticket.TicketsByRequesterDataLoader;
import dev.omnigate.gateway.identity.Customer360Service;
import dev.omnigate.gateway.identity.CustomerLookup;
import dev.omnigate.gateway.identity.CustomerMetrics;
import dev.omnigate.gateway.identity.MatchedIdentity;
import dev.omnigate.gateway.identity.RelayOrderLink;
import graphql.execution.DataFetcherResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * {@code customer360} and its lazily resolved {@code orders}, {@code tickets} and {@code metrics}.
 *
 * <p>The profile itself comes from {@link Customer360Service} (searches cannot be batched: each is one
 * vendor query). Orders and tickets of the merged identities go through data loaders, so {@code orders} and
 * {@code metrics} share one batched upstream call per account; marketplace orders named by tickets sent from relay
 * addresses follow one level later, again one batched call per marketplace account.
 */
@DgsComponent
public class Customer360DataFetcher {

    private final GraphQlSupport support;
    private final Customer360Service service;

    public Customer360DataFetcher(GraphQlSupport support, Customer360Service service) {
        this.support = support;
        this.service = service;
    }

    @DgsQuery
    public CompletableFuture<DataFetcherResult<Customer360View>> customer360(@InputArgument String email, @InputArgument String phone,
            @InputArgument String customerId, DgsDataFetchingEnvironment environment) {
        CustomerLookup lookup = CustomerLookup.of(email, phone, customerId, service.normalizer());
        return service.resolve(lookup, support.scope(environment)).thenApply(resolution -> GraphQlErrors.result(
                resolution.profile() == null ? null : Customer360View.of(resolution.profile()), resolution.failures(), environment));
    }

    @DgsData(parentType = "Customer360", field = "orders")
    public CompletableFuture<DataFetcherResult<Connection<Order>>> orders(@InputArgument Integer first, @InputArgument String after,
            DgsDataFetchingEnvironment environment) {
        int size = PageArgs.first(first, support.maxPageSize());
        OffsetCursor.decode(after); // a malformed cursor is refused before any upstream call
        return ordersOf(environment).thenApply(fetched ->
                GraphQlErrors.result(OffsetCursor.page(fetched.value(), size, after), fetched.failures(), environment));
    }

    @DgsData(parentType = "Customer360", field = "metrics")
    public CompletableFuture<DataFetcherResult<CustomerMetrics>> metrics(DgsDataFetchingEnvironment environment) {
        return ordersOf(environment).thenApply(fetched ->
                GraphQlErrors.result(CustomerMetrics.of(fetched.value()), fetched.failures(), environment));
    }

    @DgsData(parentType = "Customer360", field = "tickets")
    public CompletableFuture<DataFetcherResult<Connection<Ticket>>> tickets(@InputArgument Integer first, @InputArgument String after,
            DgsDataFetchingEnvironment environment) {
        int size = PageArgs.first(first, support.maxPageSize());
        OffsetCursor.decode(after);
        return ticketsOf(environment).thenApply(fetched ->
                GraphQlErrors.result(OffsetCursor.page(fetched.value(), size, after), fetched.failures(), environment));
    }

    /** Every ticket of the profile's helpdesk identities, newest first (one batched call per helpdesk account). */
    private CompletableFuture<Fetched<List<Ticket>>> ticketsOf(DgsDataFetchingEnvironment environment) {
        Customer360View view = environment.getSource();
        List<AccountScopedKey> keys = keysOf(view, Capability.TICKETS_READ);
        DataLoader<AccountScopedKey, Fetched<List<Ticket>>> loader = environment.getDataLoader(TicketsByRequesterDataLoader.NAME);
        return loadAll(loader, keys, support.scope(environment)).thenApply(fetched -> {
            List<Ticket> tickets = new ArrayList<>(fetched.value());
            tickets.sort(Comparator.comparing(Ticket::createdAt).reversed()
                    .thenComparing(ticket -> ticket.source().account())
                    .thenComparing(ticket -> ticket.source().nativeId()));
            return new Fetched<>(tickets, fetched.failures());
        });
    }

    /**
     * Every order of the profile, newest first: the orders of its identities whose account offers ORDERS_BY_CUSTOMER,
     * plus the marketplace orders its helpdesk users' tickets name, joined through their relay addresses
     * ({@link RelayOrderLink}).
     */
    private CompletableFuture<Fetched<List<Order>>> ordersOf(DgsDataFetchingEnvironment environment) {
        Customer360View view = environment.getSource();
        RequestScope scope = support.scope(environment);
        DataLoader<AccountScopedKey, Fetched<List<Order>>> byCustomer = environment.getDataLoader(OrdersByCustomerDataLoader.NAME);
        CompletableFuture<Fetched<List<Order>>> own = loadAll(byCustomer, keysOf(view, Capability.ORDERS_BY_CUSTOMER), scope);
        Map<RelayOrderLink.RequesterKey, Customer> requesters = new LinkedHashMap<>();
        view.profile().identities().forEach(identity -> requesters.put(
                new RelayOrderLink.RequesterKey(identity.accountId(), identity.nativeId()), identity.customer()));
        CompletableFuture<Fetched<List<Order>>> linked = ticketsOf(environment)
                .thenCompose(tickets -> linkedOrders(tickets, requesters, environment, scope));
        return own.thenCombine(linked, (mine, joined) -> {
            Map<AccountScopedKey, Order> orders = new LinkedHashMap<>();
            mine.value().forEach(order -> orders.putIfAbsent(AccountScopedKey.of(order.source()), order));
            joined.value().forEach(order -> orders.putIfAbsent(AccountScopedKey.of(order.source()), order));
            List<Order> sorted = new ArrayList<>(orders.values());
            sorted.sort(OrderDataFetcher.NEWEST_FIRST);
            List<AccountFailure> failures = new ArrayList<>(mine.failures());
            joined.failures().stream().filter(failure -> !failures.contains(failure)).forEach(failures::add);
            return new Fetched<>(sorted, failures);
        });
    }

    /** The orders the tickets name, looked up on every account of each relay's own marketplace (batched by account). */
    private CompletableFuture<Fetched<List<Order>>> linkedOrders(Fetched<List<Ticket>> tickets,
            Map<RelayOrderLink.RequesterKey, Customer> requesters, DgsDataFetchingEnvironment environment, RequestScope scope) {
        List<RelayOrderLink> links = RelayOrderLink.of(tickets.value(), requesters, service.normalizer());
        if (links.isEmpty()) {
            return CompletableFuture.completedFuture(new Fetched<>(List.of(), tickets.failures()));
        }
        DataLoader<AccountScopedKey, Fetched<Order>> loader = environment.getDataLoader(OrderDataLoader.NAME);
        List<CompletableFuture<Fetched<Order>>> lookups = new ArrayList<>();
        List<RelayOrderLink> linkOfLookup = new ArrayList<>();
        for (RelayOrderLink link : links) {
            for (ConnectorAccount account : support.accounts().with(Capability.ORDERS_READ)) {
                if (account.channel() == link.marketplace()) {
                    lookups.add(loader.load(new AccountScopedKey(account.accountId(), link.orderId()), scope));
                    linkOfLookup.add(link);
                }
            }
        }
        // these keys are queued after graphql-java dispatched this level's loaders: dispatch them here
        loader.dispatch();
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<Fetched<Order>> answers = lookups.stream().map(CompletableFuture::join).toList();
            List<Order> orders = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                Order order = answers.get(i) == null ? null : answers.get(i).value();
                if (order != null && linkOfLookup.get(i).accepts(order, service.normalizer())) {
                    orders.add(order);
                }
            }
            List<AccountFailure> failures = new ArrayList<>(tickets.failures());
            Fetched.failuresOf(answers).stream().filter(failure -> !failures.contains(failure)).forEach(failures::add);
            return new Fetched<>(orders, failures);
        });
    }

    private List<AccountScopedKey> keysOf(Customer360View view, Capability capability) {
        List<AccountScopedKey> keys = new ArrayList<>();
        for (MatchedIdentity identity : view.profile().identities()) {
            boolean capable = support.accounts().find(identity.accountId()).map(account -> account.supports(capability)).orElse(false);
            if (capable) {
                keys.add(AccountScopedKey.of(identity.customer().source()));
            }
        }
        return keys;
    }

    private static <T> CompletableFuture<Fetched<List<T>>> loadAll(DataLoader<AccountScopedKey, Fetched<List<T>>> loader,
            List<AccountScopedKey> keys, RequestScope scope) {
        List<Object> contexts = keys.stream().<Object>map(key -> scope).toList();
        return loader.loadMany(keys, contexts).thenApply(answers -> {
            List<T> all = new ArrayList<>();
            List<AccountFailure> failures = Fetched.failuresOf(answers);
            for (Fetched<List<T>> answer : answers) {
                if (answer != null && answer.value() != null) {
                    all.addAll(answer.value());
                }
            }
            return new Fetched<>(all, failures);
        });
    }
}
