package dev.omnigate.gateway.limits;

import com.netflix.graphql.dgs.context.GraphQLContextContributor;
import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.events.EventsRedis;
import dev.omnigate.gateway.resilience.ResiliencePlan;
import graphql.parser.ParserOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Wires the request limits ({@code omnigate.limits.*}): document limits, cost estimate, client buckets, vendor share. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
public class LimitsConfiguration {

    /** Innermost of the connector call chain: after the cache, the resilience layer and each retry. */
    static final int SPEND_ORDER = 700;

    @Bean
    public OperationWeights operationWeights(ResiliencePlan plan) {
        return new OperationWeights(plan);
    }

    @Bean
    public CostEstimator costEstimator(ConnectorAccounts accounts, OperationWeights weights, OmnigateProperties omnigate, LimitsProperties limits) {
        return new CostEstimator(accounts, weights, omnigate.graphql().maxPageSize(), limits.cost().assumedListSize(),
                1 + omnigate.identity().expansionRounds());
    }

    @Bean
    public CostBuckets costBuckets(LimitsProperties limits, ObjectProvider<EventsRedis> redis, Clock clock) {
        InMemoryCostBuckets local = new InMemoryCostBuckets(clock, limits.cost().bucketExpiry());
        EventsRedis shared = redis.getIfAvailable();
        return shared == null ? local : new RedisCostBuckets(shared, limits.cost().bucketExpiry().toSeconds(), local);
    }

    @Bean
    public RequestLimits requestLimits(LimitsProperties limits, CostEstimator estimator, CostBuckets buckets, MeterRegistry meters) {
        return new RequestLimits(new DocumentLimits(limits.document()), estimator, buckets, limits.cost(), meters);
    }

    @Bean
    @Order(SPEND_ORDER)
    public UpstreamSpendInterceptor upstreamSpendInterceptor(OperationWeights weights) {
        return new UpstreamSpendInterceptor(weights);
    }

    /** The parser stops at {@code omnigate.limits.document.max-tokens}: a huge document is refused before it is built. */
    @Bean
    public GraphQLContextContributor parserLimits(LimitsProperties limits) {
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions()
                .transform(builder -> builder.maxTokens(limits.document().maxTokens()));
        return (builder, extensions, requestData) -> builder.put(ParserOptions.class, options);
    }
}
