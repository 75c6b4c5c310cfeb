package dev.omnigate.gateway.graphql.ticket;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.read.TicketReader;
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
 * Loads tickets by (account, native id) for {@code node(id:)}: every key of a query level in one batch, one
 * {@link TicketReader#getByIds} call per account and {@code maxBatchSize} ids.
 */
@DgsDataLoader(name = TicketDataLoader.NAME)
public class TicketDataLoader implements MappedBatchLoaderWithContext<AccountScopedKey, Fetched<Ticket>> {

    public static final String NAME = "tickets";

    private final GraphQlSupport support;

    public TicketDataLoader(GraphQlSupport support) {
        this.support = support;
    }

    @Override
    public CompletionStage<Map<AccountScopedKey, Fetched<Ticket>>> load(Set<AccountScopedKey> keys, BatchLoaderEnvironment environment) {
        return AccountBatches.load(keys, support, support.scope(environment), "tickets.getByIds",
                account -> account.connector().tickets(), TicketReader::maxBatchSize, TicketReader::getByIds);
    }
}
