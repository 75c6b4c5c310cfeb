package dev.omnigate.gateway.graphql.product;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.omnigate.connector.api.model.OrderLine;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.error.BadRequestException;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.graphql.error.Fetched;
import dev.omnigate.gateway.graphql.error.GraphQlErrors;
import graphql.execution.DataFetcherResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** {@code product(sku:)}, {@code products(skus:)} and {@code OrderLine.product}, all through {@link ProductDataLoader}. */
@DgsComponent
public class ProductDataFetcher {

    private final GraphQlSupport support;

    public ProductDataFetcher(GraphQlSupport support) {
        this.support = support;
    }

    @DgsQuery
    public CompletableFuture<DataFetcherResult<ProductView>> product(@InputArgument String sku, DgsDataFetchingEnvironment environment) {
        requireSku(sku, "sku");
        DataLoader<String, Fetched<ProductView>> loader = environment.getDataLoader(ProductDataLoader.NAME);
        return loader.load(sku, support.scope(environment)).thenApply(fetched -> GraphQlErrors.result(fetched, environment));
    }

    /** One entry per requested SKU, in order, null for SKUs no channel knows; each failed account reported once. */
    @DgsQuery
    public CompletableFuture<DataFetcherResult<List<ProductView>>> products(@InputArgument List<String> skus,
            DgsDataFetchingEnvironment environment) {
        if (skus.size() > support.maxPageSize()) {
            throw new BadRequestException("'skus' may hold at most " + support.maxPageSize() + " SKUs, but held " + skus.size());
        }
        skus.forEach(sku -> requireSku(sku, "skus"));
        if (skus.isEmpty()) {
            return CompletableFuture.completedFuture(DataFetcherResult.<List<ProductView>>newResult().data(List.of()).build());
        }
        DataLoader<String, Fetched<ProductView>> loader = environment.getDataLoader(ProductDataLoader.NAME);
        RequestScope scope = support.scope(environment);
        List<Object> contexts = skus.stream().<Object>map(sku -> scope).toList();
        return loader.loadMany(skus, contexts).thenApply(answers -> {
            List<ProductView> products = new ArrayList<>();
            for (Fetched<ProductView> answer : answers) {
                products.add(answer == null ? null : answer.value());
            }
            return GraphQlErrors.result(products, Fetched.failuresOf(answers), environment);
        });
    }

    @DgsData(parentType = "OrderLine", field = "product")
    public CompletableFuture<DataFetcherResult<ProductView>> lineProduct(DgsDataFetchingEnvironment environment) {
        OrderLine line = environment.getSource();
        if (line.sku() == null || line.sku().isBlank()) {
            return CompletableFuture.completedFuture(DataFetcherResult.<ProductView>newResult().build());
        }
        DataLoader<String, Fetched<ProductView>> loader = environment.getDataLoader(ProductDataLoader.NAME);
        return loader.load(line.sku(), support.scope(environment)).thenApply(fetched -> GraphQlErrors.result(fetched, environment));
    }

    private static void requireSku(String sku, String argument) {
        if (sku == null || sku.isBlank()) {
            throw new BadRequestException("'" + argument + "' must not contain a blank SKU");
        }
        if (sku.length() > 255) {
            throw new BadRequestException("'" + argument + "' holds a SKU longer than 255 characters");
        }
    }
}
