package dev.omnigate.gateway.graphql.context;

import dev.omnigate.gateway.connector.RequestScope;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.dataloader.BatchLoaderEnvironment;
import org.slf4j.MDC;

/**
 * Where a request's {@link RequestScope} lives: in the GraphQL context, put there by
 * {@link RequestScopeInstrumentation} when execution starts, and passed to data loaders as each key's
 * context (so a batch knows the deadline of the request that asked for it).
 */
public final class RequestScopes {

    private RequestScopes() {
    }

    /** The request's scope; created on first use if the instrumentation did not run (e.g. a bare executor). */
    public static RequestScope of(DataFetchingEnvironment environment, Duration budget, Clock clock) {
        return of(environment.getGraphQlContext(), budget, clock);
    }

    public static RequestScope of(GraphQLContext context, Duration budget, Clock clock) {
        return context.computeIfAbsent(RequestScope.class, key -> RequestScope.start(MDC.get("requestId"), budget, clock));
    }

    /** The scope of the request that asked for the batch's keys. */
    public static RequestScope of(BatchLoaderEnvironment environment, Duration budget, Clock clock) {
        return environment.getKeyContextsList().stream()
                .filter(RequestScope.class::isInstance)
                .map(RequestScope.class::cast)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseGet(() -> RequestScope.start(null, budget, clock));
    }
}
