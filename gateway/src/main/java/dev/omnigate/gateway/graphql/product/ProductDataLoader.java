package dev.omnigate.gateway.graphql.product;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.api.read.PriceReader;
import dev.omnigate.gateway.connector.AccountFailure;
import dev.omnigate.gateway.connector.AccountResults;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.events.LevelIndex;
import dev.omnigate.gateway.graphql.batch.AccountScopedKey;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.graphql.error.Fetched;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchLoaderWithContext;

/**
 * Loads products by seller SKU: every account's prices ({@code PRICES_READ}) and inventory levels
 * ({@code INVENTORY_READ}), asked in parallel.
 *
 * <p><b>Why a data loader.</b> {@code products(skus:)} and every {@code OrderLine.product} of a page of orders
 * all resolve SKUs. Each field registers its SKU; graphql-java calls {@link #load} once per query level with
 * every distinct SKU, and each account is asked once per {@code maxBatchSize} SKUs for prices and once for
 * inventory. A physical place several accounts report (a store on the POS and on the online shop) is counted once
 * ({@link SamePlaces}). A SKU no account knows resolves to null; a failed account leaves the others' data in place and
 * adds its failure to every SKU's answer (fetchers report it once per field).
 */
@DgsDataLoader(name = ProductDataLoader.NAME)
public class ProductDataLoader implements MappedBatchLoaderWithContext<String, Fetched<ProductView>> {

    public static final String NAME = "products";

    private final GraphQlSupport support;
    private final LevelIndex levelIndex;

    public ProductDataLoader(GraphQlSupport support, LevelIndex levelIndex) {
        this.support = support;
        this.levelIndex = levelIndex;
    }

    @Override
    public CompletionStage<Map<String, Fetched<ProductView>>> load(Set<String> skus, BatchLoaderEnvironment environment) {
        RequestScope scope = support.scope(environment);
        ConnectorInvoker invoker = support.invoker();
        CompletableFuture<AccountResults<Map<String, List<Price>>>> prices = invoker.fanOut(
                support.accounts().with(Capability.PRICES_READ), account -> {
                    PriceReader reader = account.connector().prices().orElseThrow();
                    return support.cache().load(account, "prices.getBySkus", scope, skus, reader.maxBatchSize(), reader::getBySkus);
                });
        CompletableFuture<AccountResults<Map<String, List<InventoryLevel>>>> inventory = invoker.fanOut(
                support.accounts().with(Capability.INVENTORY_READ), account -> {
                    InventoryReader reader = account.connector().inventory().orElseThrow();
                    return support.cache().load(account, "inventory.getBySkus", scope, skus, reader.maxBatchSize(), reader::getBySkus);
                });
        return prices.thenCombine(inventory, Pair::new).thenCompose(both -> samePlaceDuplicates(learned(both.inventory()), scope)
                .thenApply(duplicates -> answers(skus, both.prices(), both.inventory(), duplicates, scope)));
    }

    /** Teaches the level index the SKU and location of every level read (stock notifications may name only the level). */
    private AccountResults<Map<String, List<InventoryLevel>>> learned(AccountResults<Map<String, List<InventoryLevel>>> inventory) {
        inventory.values().values().forEach(bySku -> bySku.values().forEach(levelIndex::learn));
        return inventory;
    }

    private record Pair(AccountResults<Map<String, List<Price>>> prices, AccountResults<Map<String, List<InventoryLevel>>> inventory) {
    }

    private Map<String, Fetched<ProductView>> answers(Set<String> skus, AccountResults<Map<String, List<Price>>> priceResults,
            AccountResults<Map<String, List<InventoryLevel>>> inventoryResults, Set<InventoryLevel> duplicates, RequestScope scope) {
        List<AccountFailure> failures = priceResults.failuresWith(inventoryResults.failures());
        Map<String, Fetched<ProductView>> answers = new LinkedHashMap<>();
        for (String sku : skus) {
            List<Price> skuPrices = new ArrayList<>();
            List<InventoryLevel> skuLevels = new ArrayList<>();
            boolean known = false;
            for (Map<String, List<Price>> accountPrices : priceResults.values().values()) {
                List<Price> found = accountPrices.get(sku);
                if (found != null) {
                    known = true;
                    skuPrices.addAll(found);
                }
            }
            for (Map<String, List<InventoryLevel>> accountLevels : inventoryResults.values().values()) {
                List<InventoryLevel> found = accountLevels.get(sku);
                if (found != null) {
                    known = true;
                    skuLevels.addAll(found);
                }
            }
            answers.put(sku, new Fetched<>(known ? ProductView.of(sku, skuPrices, skuLevels, duplicates) : null,
                    withItemFailures(failures, sku, scope)));
        }
        return answers;
    }

    /** The account failures plus any record of this SKU a connector failed inside a good answer. */
    private List<AccountFailure> withItemFailures(List<AccountFailure> failures, String sku, RequestScope scope) {
        List<AccountFailure> all = new ArrayList<>(failures);
        for (ConnectorAccount account : support.accounts().all()) {
            if (account.supports(Capability.PRICES_READ) || account.supports(Capability.INVENTORY_READ)) {
                scope.itemFailures().of(account.accountId(), sku).ifPresent(failure ->
                        all.add(ConnectorInvoker.itemFailure(account, "products.bySku", scope, failure)));
            }
        }
        return all;
    }

    /**
     * The levels of places another account also reports ({@link SamePlaces}); needs the locations only when levels come
     * from two or more accounts (through the entity cache, so usually without a vendor call). Locations that cannot be
     * read leave their levels counted.
     */
    private CompletableFuture<Set<InventoryLevel>> samePlaceDuplicates(AccountResults<Map<String, List<InventoryLevel>>> inventory,
            RequestScope scope) {
        double radius = support.inventorySamePlaceRadius();
        Map<String, Set<String>> locationIds = new LinkedHashMap<>();
        List<InventoryLevel> levels = new ArrayList<>();
        inventory.values().values().forEach(bySku -> bySku.values().forEach(found -> found.forEach(level -> {
            levels.add(level);
            locationIds.computeIfAbsent(level.source().account(), account -> new LinkedHashSet<>()).add(level.locationId());
        })));
        if (radius <= 0 || locationIds.size() < 2) {
            return CompletableFuture.completedFuture(Set.of());
        }
        Map<AccountScopedKey, Location> locations = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> reads = new ArrayList<>();
        locationIds.forEach((accountId, ids) -> support.accounts().find(accountId).flatMap(account -> account.connector().locations()
                .map(reader -> support.cache().load(account, "locations.getByIds", scope, ids, Integer.MAX_VALUE, reader::getByIds)
                        .thenAccept(found -> found.forEach((id, location) -> locations.put(new AccountScopedKey(accountId, id), location)))
                        .exceptionally(failure -> null))).ifPresent(reads::add));
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> SamePlaces.duplicates(levels, locations, radius));
    }
}
