package dev.omnigate.gateway.graphql.customer;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.PhoneNumber;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.error.BadRequestException;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.graphql.error.GraphQlErrors;
import dev.omnigate.gateway.graphql.paging.Connection;
import dev.omnigate.gateway.graphql.paging.MergedPager;
import dev.omnigate.gateway.graphql.paging.PageArgs;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import graphql.execution.DataFetcherResult;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code customers(query:)} and the computed fields of {@code Customer}. Thin: searching and merging pages
 * is {@link MergedPager}'s job, calling connectors the invoker's.
 */
@DgsComponent
public class CustomerDataFetcher {

    /** Customers of several accounts interleave by name, then account, then native id: stable over pages. */
    static final Comparator<Customer> ORDER = Comparator
            .comparing((Customer customer) -> customer.displayName() == null ? "\uffff" : customer.displayName().toLowerCase(Locale.ROOT))
            .thenComparing(customer -> customer.source().account())
            .thenComparing(customer -> customer.source().nativeId());

    private final GraphQlSupport support;

    /** The longest search text forwarded to the channels' customer searches. */
    public static final int MAX_QUERY_LENGTH = 256;

    public CustomerDataFetcher(GraphQlSupport support) {
        this.support = support;
    }

    @DgsQuery
    public CompletableFuture<DataFetcherResult<Connection<Customer>>> customers(@InputArgument String query, @InputArgument Integer first,
            @InputArgument String after, DgsDataFetchingEnvironment environment) {
        if (query == null || query.isBlank()) {
            throw new BadRequestException("'query' must not be blank");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new BadRequestException("'query' may hold at most " + MAX_QUERY_LENGTH + " characters, but held " + query.length());
        }
        int size = PageArgs.first(first, support.maxPageSize());
        RequestScope scope = support.scope(environment);
        String text = query.trim();
        return support.invoker().orchestrate(scope, () -> MergedPager.page(support.accounts().with(Capability.CUSTOMERS_READ),
                        "customers|" + text, size, after, ORDER, (account, page) -> {
                            CustomerReader reader = account.connector().customers().orElseThrow();
                            return support.invoker().call(account, "customers.search", scope,
                                    context -> reader.search(context, CustomerQuery.byText(text), page));
                        }))
                .thenApply(result -> GraphQlErrors.result(result.connection(), result.failures(), environment));
    }

    @DgsData(parentType = "Customer", field = "id")
    public String id(DgsDataFetchingEnvironment environment) {
        Customer customer = environment.getSource();
        return GlobalId.encode(GlobalIdType.Customer, customer.source());
    }

    @DgsData(parentType = "Customer", field = "emails")
    public List<String> emails(DgsDataFetchingEnvironment environment) {
        Customer customer = environment.getSource();
        return customer.emails().stream().map(EmailAddress::address).toList();
    }

    @DgsData(parentType = "Customer", field = "phones")
    public List<String> phones(DgsDataFetchingEnvironment environment) {
        Customer customer = environment.getSource();
        return customer.phones().stream().map(PhoneNumber::number).toList();
    }
}
