package dev.omnigate.gateway.graphql.order;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.error.BadRequestException;
import dev.omnigate.gateway.graphql.batch.AccountScopedKey;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.graphql.customer.CustomerDataLoader;
import dev.omnigate.gateway.graphql.error.Fetched;
import dev.omnigate.gateway.graphql.error.GraphQlErrors;
import dev.omnigate.gateway.graphql.location.LocationDataLoader;
import dev.omnigate.gateway.graphql.paging.Connection;
import dev.omnigate.gateway.graphql.paging.MergedPager;
import dev.omnigate.gateway.graphql.paging.PageArgs;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import graphql.execution.DataFetcherResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** {@code order}, {@code orders} and the computed fields of {@code Order}. */
@DgsComponent
public class OrderDataFetcher {

    /** Newest first; ties by account, then the larger native id first. Also the merge order of {@code orders}. */
    public static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::createdAt).reversed()
            .thenComparing(order -> order.source().account())
            .thenComparing((Order order) -> order.source().nativeId(), Comparator.comparingInt(String::length)
                    .thenComparing(Comparator.naturalOrder()).reversed());

    private final GraphQlSupport support;

    public OrderDataFetcher(GraphQlSupport support) {
        this.support = support;
    }

    @DgsQuery
    public CompletableFuture<DataFetcherResult<Order>> order(@InputArgument String id, DgsDataFetchingEnvironment environment) {
        GlobalId orderId = GlobalId.decode(id, GlobalIdType.Order, "id");
        DataLoader<AccountScopedKey, Fetched<Order>> loader = environment.getDataLoader(OrderDataLoader.NAME);
        return loader.load(AccountScopedKey.of(orderId), support.scope(environment))
                .thenApply(fetched -> GraphQlErrors.result(fetched, environment));
    }

    @DgsQuery
    public CompletableFuture<DataFetcherResult<Connection<Order>>> orders(@InputArgument Integer first, @InputArgument String after,
            DgsDataFetchingEnvironment environment) {
        int size = PageArgs.first(first, support.maxPageSize());
        Map<String, Object> filter = environment.getArgument("filter");
        Set<Channel> channels = channels(filter);
        Instant createdAfter = instant(filter, "createdAfter");
        Instant createdBefore = instant(filter, "createdBefore");
        OrderQuery query;
        try {
            query = OrderQuery.createdBetween(createdAfter, createdBefore);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'filter.createdAfter' must be before 'filter.createdBefore'");
        }
        List<ConnectorAccount> accounts = support.accounts().with(Capability.ORDERS_READ).stream()
                .filter(account -> channels.contains(account.channel()))
                .toList();
        RequestScope scope = support.scope(environment);
        String queryKey = "orders|" + channels + "|" + createdAfter + "|" + createdBefore;
        return support.invoker().orchestrate(scope, () -> MergedPager.page(accounts, queryKey, size, after, NEWEST_FIRST,
                        (account, page) -> {
                            OrderReader reader = account.connector().orders().orElseThrow();
                            return support.invoker().call(account, "orders.search", scope, context -> reader.search(context, query, page));
                        }))
                .thenApply(result -> GraphQlErrors.result(result.connection(), result.failures(), environment));
    }

    @DgsData(parentType = "Order", field = "id")
    public String id(DgsDataFetchingEnvironment environment) {
        Order order = environment.getSource();
        return GlobalId.encode(GlobalIdType.Order, order.source());
    }

    @DgsData(parentType = "Order", field = "customer")
    public CompletableFuture<DataFetcherResult<Customer>> customer(DgsDataFetchingEnvironment environment) {
        Order order = environment.getSource();
        if (order.customerId() == null) {
            return CompletableFuture.completedFuture(DataFetcherResult.<Customer>newResult().build());
        }
        DataLoader<AccountScopedKey, Fetched<Customer>> loader = environment.getDataLoader(CustomerDataLoader.NAME);
        return loader.load(new AccountScopedKey(order.source().account(), order.customerId()), support.scope(environment))
                .thenApply(fetched -> GraphQlErrors.result(fetched, environment));
    }

    @DgsData(parentType = "Order", field = "location")
    public CompletableFuture<DataFetcherResult<Location>> location(DgsDataFetchingEnvironment environment) {
        Order order = environment.getSource();
        if (order.locationId() == null) {
            return CompletableFuture.completedFuture(DataFetcherResult.<Location>newResult().build());
        }
        DataLoader<AccountScopedKey, Fetched<Location>> loader = environment.getDataLoader(LocationDataLoader.NAME);
        return loader.load(new AccountScopedKey(order.source().account(), order.locationId()), support.scope(environment))
                .thenApply(fetched -> GraphQlErrors.result(fetched, environment));
    }

    private static Set<Channel> channels(Map<String, Object> filter) {
        Object value = filter == null ? null : filter.get("channels");
        if (!(value instanceof List<?> names)) {
            return EnumSet.allOf(Channel.class);
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Object name : names) {
            channels.add(name instanceof Channel channel ? channel : Channel.valueOf(String.valueOf(name)));
        }
        return channels;
    }

    private static Instant instant(Map<String, Object> filter, String field) {
        Object value = filter == null ? null : filter.get(field);
        return switch (value) {
            case null -> null;
            case OffsetDateTime time -> time.toInstant();
            case Instant time -> time;
            default -> throw new BadRequestException("'filter." + field + "' must be a DateTime");
        };
    }
}
