package dev.omnigate.gateway.graphql.context;

import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.time.Clock;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Starts each request's clock: when an execution begins, puts a {@link RequestScope} with the request id
 * (from the HTTP filter's MDC, else a new one) and the deadline {@code omnigate.request-timeout} from now
 * into the GraphQL context. Every connector call of the request, at every level of the query, shares it.
 */
@Component
public class RequestScopeInstrumentation extends SimplePerformantInstrumentation {

    private final OmnigateProperties properties;
    private final Clock clock;

    public RequestScopeInstrumentation(OmnigateProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        executionInput.getGraphQLContext().computeIfAbsent(RequestScope.class,
                key -> RequestScope.start(MDC.get(ConnectorInvoker.MDC_REQUEST_ID), properties.requestTimeout(), clock));
        return executionInput;
    }
}
