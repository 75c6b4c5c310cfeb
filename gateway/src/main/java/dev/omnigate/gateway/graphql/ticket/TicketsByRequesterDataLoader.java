package dev.omnigate.gateway.graphql.ticket;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.read.TicketReader;
import dev.omnigate.gateway.graphql.batch.AccountBatches;
import dev.omnigate.gateway.graphql.batch.AccountScopedKey;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.graphql.error.Fetched;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchLoaderWithContext;

/**
 * Loads every ticket of helpdesk users, by (account, native requester id), for {@code Customer360.tickets}:
 * the profile's helpdesk identities are collected and each helpdesk account is asked once per
 * {@code maxBatchSize} requesters through {@link TicketReader#getByRequesterIds}.
 */
@DgsDataLoader(name = TicketsByRequesterDataLoader.NAME)
public class TicketsByRequesterDataLoader implements MappedBatchLoaderWithContext<AccountScopedKey, Fetched<List<Ticket>>> {

    public static final String NAME = "ticketsByRequester";

    private final GraphQlSupport support;

    public TicketsByRequesterDataLoader(GraphQlSupport support) {
        this.support = support;
    }

    @Override
    public CompletionStage<Map<AccountScopedKey, Fetched<List<Ticket>>>> load(Set<AccountScopedKey> keys,
            BatchLoaderEnvironment environment) {
        return AccountBatches.load(keys, support, support.scope(environment), "tickets.getByRequesterIds",
                account -> account.connector().tickets(), TicketReader::maxBatchSize, TicketReader::getByRequesterIds);
    }
}
