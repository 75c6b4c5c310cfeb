package dev.omnigate.gateway.graphql.location;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.gateway.graphql.batch.AccountBatches;
import dev.omnigate.gateway.graphql.batch.AccountScopedKey;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.graphql.error.Fetched;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchLoaderWithContext;

/**
 * Loads locations by (account, native id): {@code byLocation.location} of product availability,
 * {@code Order.location} and {@code node(id:)}.
 *
 * <p><b>Why a data loader.</b> {@code products(skus:)} with 40 SKUs stocked at 5 locations each asks for 200
 * {@code location} fields. The loader collects them, deduplicates to the 5 distinct locations, and asks each
 * account's {@link LocationReader#getByIds} once (location readers have no batch limit: accounts have few
 * locations).
 */
@DgsDataLoader(name = LocationDataLoader.NAME)
public class LocationDataLoader implements MappedBatchLoaderWithContext<AccountScopedKey, Fetched<Location>> {

    public static final String NAME = "locations";

    private final GraphQlSupport support;

    public LocationDataLoader(GraphQlSupport support) {
        this.support = support;
    }

    @Override
    public CompletionStage<Map<AccountScopedKey, Fetched<Location>>> load(Set<AccountScopedKey> keys, BatchLoaderEnvironment environment) {
        return AccountBatches.load(keys, support, support.scope(environment), "locations.getByIds",
                account -> account.connector().locations(), reader -> Integer.MAX_VALUE, LocationReader::getByIds);
    }
}
