package dev.omnigate.gateway.graphql.channel;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsQuery;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.health.AccountHealth;
import dev.omnigate.gateway.health.AccountHealthService;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code channels}: the configured accounts with the same health facts as {@code /actuator/health}. */
@DgsComponent
public class ChannelsDataFetcher {

    private final GraphQlSupport support;
    private final AccountHealthService health;

    public ChannelsDataFetcher(GraphQlSupport support, AccountHealthService health) {
        this.support = support;
        this.health = health;
    }

    @DgsQuery
    public List<ChannelAccountView> channels() {
        return support.accounts().all().stream().map(ChannelAccountView::of).toList();
    }

    @DgsData(parentType = "ChannelAccount", field = "health")
    public CompletableFuture<AccountHealth> health(DgsDataFetchingEnvironment environment) {
        ChannelAccountView view = environment.getSource();
        return health.health(view.live());
    }
}
