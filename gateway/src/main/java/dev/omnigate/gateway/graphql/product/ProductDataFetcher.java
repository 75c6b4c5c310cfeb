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
import dev.omnigate.gateway.security.PartnerFilter;
import dev.omnigate.gateway.security.graphql.GraphQlClients;
import graphql.execution.DataFetcherResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * {@code product(sku:)}, {@code products(skus:)} and {@code OrderLine.product}, all through {@link ProductDataLoader},
 * limited to a partner client's SKUs and locations ({@link PartnerProducts}).
 */
@DgsComponent
public class ProductDataFetcher {

    private final GraphQlSupport support;
    private final PartnerProducts partnerProducts;

    public ProductDataFetcher(GraphQlSupport support, PartnerProducts partnerProducts) {
        this.support = support;
        this.partnerProducts = partnerProducts;
    }

    @DgsQuery
    public CompletableFuture<DataFetcherResult<ProductView>> product(@InputArgument String sku, DgsDataFetchingEnvironment environment) {
        requireSku(sku, "sku");
        return visibleProduct(sku, environment);
    }

    /** One SKU through the loader, as the client may see it: a SKU outside a partner's limits is unknown (null, no call). */
    private CompletableFuture<DataFetcherResult<ProductView>> visibleProduct(String sku, DgsDataFetchingEnvironment environment) {
        PartnerFilter partner = GraphQlClients.partnerOf(environment);
        if (!partner.allowsSku(sku)) {
            return CompletableFuture.completedFuture(DataFetcherResult.<ProductView>newResult().build());
        }
        DataLoader<String, Fetched<ProductView>> loader = environment.getDataLoader(ProductDataLoader.NAME);
        RequestScope scope = support.scope(environment);
        return loader.load(sku, scope)
                .thenCompose(fetched -> fetched == null ? CompletableFuture.completedFuture(fetched)
                        : partnerProducts.visible(fetched.value(), partner, scope).thenApply(view -> new Fetched<>(view, fetched.failures())))
                .thenApply(fetched -> GraphQlErrors.result(fetched, environment));
    }

    /**
     * The bound of {@code products(skus:)}, also checked by the cost estimate before anything runs.
     *
     * @throws BadRequestException when more than {@code max} SKUs are asked for
     */
    public static void requireSkuCount(int count, int max) {
        if (count > max) {
            throw new BadRequestException("'skus' may hold at most " + max + " SKUs, but held " + count);
        }
    }

    /** One entry per requested SKU, in order, null for SKUs no channel knows; each failed account reported once. */
    @DgsQuery
    public CompletableFuture<DataFetcherResult<List<ProductView>>> products(@InputArgument List<String> skus,
            DgsDataFetchingEnvironment environment) {
        requireSkuCount(skus.size(), support.maxPageSize());
        skus.forEach(sku -> requireSku(sku, "skus"));
        if (skus.isEmpty()) {
            return CompletableFuture.completedFuture(DataFetcherResult.<List<ProductView>>newResult().data(List.of()).build());
        }
        DataLoader<String, Fetched<ProductView>> loader = environment.getDataLoader(ProductDataLoader.NAME);
        RequestScope scope = support.scope(environment);
        PartnerFilter partner = GraphQlClients.partnerOf(environment);
        // SKUs outside a partner's limits are not asked for: they answer null, like a SKU no channel knows
        List<String> visible = skus.stream().filter(partner::allowsSku).toList();
        List<Object> contexts = visible.stream().<Object>map(sku -> scope).toList();
        return loader.loadMany(visible, contexts).thenCompose(answers -> {
            Map<String, CompletableFuture<ProductView>> views = new HashMap<>();
            for (int i = 0; i < visible.size(); i++) {
                Fetched<ProductView> answer = answers.get(i);
                views.put(visible.get(i), partnerProducts.visible(answer == null ? null : answer.value(), partner, scope));
            }
            return CompletableFuture.allOf(views.values().toArray(CompletableFuture[]::new)).thenApply(ignored -> {
                List<ProductView> products = new ArrayList<>();
                for (String sku : skus) {
                    CompletableFuture<ProductView> view = views.get(sku);
                    products.add(view == null ? null : view.join());
                }
                return GraphQlErrors.result(products, Fetched.failuresOf(answers), environment);
            });
        });
    }

    @DgsData(parentType = "OrderLine", field = "product")
    public CompletableFuture<DataFetcherResult<ProductView>> lineProduct(DgsDataFetchingEnvironment environment) {
        OrderLine line = environment.getSource();
        if (line.sku() == null || line.sku().isBlank()) {
            return CompletableFuture.completedFuture(DataFetcherResult.<ProductView>newResult().build());
        }
        return visibleProduct(line.sku(), environment);
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
