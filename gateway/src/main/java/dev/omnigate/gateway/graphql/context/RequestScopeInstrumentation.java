package dev.omnigate.gateway.graphql.context;

import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.limits.RequestLimits;
import dev.omnigate.gateway.security.GatewayClient;
import dev.omnigate.gateway.security.graphql.GraphQlClients;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts each request's clock: when an execution begins, puts a {@link RequestScope} with the request id
 * (from the HTTP filter's MDC, else a new one) and the deadline {@code omnigate.request-timeout} from now
 * into the GraphQL context. Every connector call of the request, at every level of the query, shares it. When the
 * request is done, answers served from stale cache entries are listed in the response's {@code extensions.stale}, and
 * the request's failures are logged: one line per account and error category, with their count
 * ({@link dev.omnigate.gateway.connector.FailureLog}). The request's limits ({@link RequestLimits}: document limits,
 * cost, the client's bucket, {@code extensions.cost}) run here too: every link of graphql-java's instrumentation chain
 * is called on every field, and request-level work needs none of those calls.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after ScopeInstrumentation: the cost leaves out the fields it forbade
public class RequestScopeInstrumentation extends SimplePerformantInstrumentation {

    private final OmnigateProperties properties;
    private final Clock clock;
    private final RequestLimits limits;

    public RequestScopeInstrumentation(OmnigateProperties properties, Clock clock, RequestLimits limits) {
        this.properties = properties;
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return limits.newState();
    }

    /** The document limits, after parsing and before validation. */
    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        limits.checkDocument(documentAndVariables.getDocument(), documentAndVariables.getVariables());
        return documentAndVariables;
    }

    /** The cost estimate and the client's bucket, before the first field runs. */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        if (state instanceof RequestLimits.State limitsState) {
            limits.admit(limitsState, parameters.getExecutionContext());
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        String client = GraphQlClients.of(executionInput.getGraphQLContext())
                .map(GatewayClient::key).orElse("anonymous");
        executionInput.getGraphQLContext().computeIfAbsent(RequestScope.class,
                key -> RequestScope.forRequest(MDC.get(ConnectorInvoker.MDC_REQUEST_ID), client, properties.requestTimeout(), clock));
        return executionInput;
    }

    /** Writes the request's failure lines when its execution ends, whether it completed or threw. */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        return SimpleInstrumentationContext.whenCompleted((result, error) -> {
            RequestScope scope = parameters.getGraphQLContext().get(RequestScope.class);
            if (scope != null) {
                scope.failureLog().close();
            }
        });
    }

    /** Settles the request's cost ({@code extensions.cost}) and lists answers served stale ({@code extensions.stale}). */
    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        ExecutionResult executionResult = limits.settle(state instanceof RequestLimits.State limitsState ? limitsState : null, result,
                parameters.getGraphQLContext());
        RequestScope scope = parameters.getGraphQLContext().get(RequestScope.class);
        if (scope == null || scope.staleServes().all().isEmpty()) {
            return CompletableFuture.completedFuture(executionResult);
        }
        Map<Object, Object> extensions = new LinkedHashMap<>();
        if (executionResult.getExtensions() != null) {
            extensions.putAll(executionResult.getExtensions());
        }
        extensions.put("stale", scope.staleServes().asExtensions());
        return CompletableFuture.completedFuture(executionResult.transform(builder -> builder.extensions(extensions)));
    }
}
