package dev.omnigate.gateway.security.graphql;

import com.netflix.graphql.types.errors.ErrorType;
import dev.omnigate.gateway.security.GatewayClient;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code FORBIDDEN} answer of a field the client may not read: {@code null} and one error at the field's path. */
public final class Forbidden {

    private Forbidden() {
    }

    /**
     * @param what what was refused, e.g. {@code Query.orders} or {@code a Customer (node)}
     */
    public static GraphQLError error(DataFetchingEnvironment environment, GatewayClient client, ScopeRequirement failed, String what) {
        String who = client == null ? "an anonymous request" : "client '" + client.id() + "'";
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "FORBIDDEN");
        extensions.put("requiredScopes", failed.names());
        return GraphqlErrorBuilder.newError(environment)
                .message(who + " may not read " + what + ": it needs the scope " + failed.describe())
                .errorType(ErrorType.PERMISSION_DENIED)
                .extensions(extensions)
                .build();
    }

    public static <T> DataFetcherResult<T> result(DataFetchingEnvironment environment, GatewayClient client, ScopeRequirement failed,
            String what) {
        return DataFetcherResult.<T>newResult().error(error(environment, client, failed, what)).build();
    }
}
