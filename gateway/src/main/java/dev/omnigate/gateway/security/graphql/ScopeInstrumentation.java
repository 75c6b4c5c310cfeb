package dev.omnigate.gateway.security.graphql;

import dev.omnigate.gateway.audit.PiiAuditRecord;
import dev.omnigate.gateway.audit.PiiAuditTrail;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.security.GatewayClient;
import dev.omnigate.gateway.security.Scope;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.introspection.Introspection;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Enforces the schema's scopes and keeps the PII audit trail, in one place for every transport.
 *
 * <p>Before the operation runs, one pass over its selections ({@link SelectionAnalysis}) finds the fields the request's
 * client may not read and the fields holding personal data. During execution, a forbidden field's data fetcher is
 * replaced by one that answers {@code null} with a {@code FORBIDDEN} error at the field's path (so it makes no upstream
 * call, and the rest of the answer is served), and personal-data fields note whose data they returned. When the answer
 * is complete and held personal data, one audit record is written. A request whose client may read everything it asks
 * and asks for no personal data costs the one pass and nothing per field.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ScopeInstrumentation extends SimplePerformantInstrumentation {

    /** Federation's {@code _service { sdl }}: the whole schema, so introspection by another name. */
    static final String FEDERATION_SDL_FIELD = "_service";
    /** While introspection is off, only admin clients (a supergraph router's key) may read the SDL. */
    static final ScopeRequirement SDL_WHILE_INTROSPECTION_IS_OFF = new ScopeRequirement(List.of(Set.of(Scope.ADMIN)),
            "Query._service while introspection is off");

    /** The GraphQL context key of the field definitions this request may not read (cost estimates skip them). */
    public static final String FORBIDDEN_FIELDS = "omnigate.forbiddenFields";

    /** The GraphQL context key under which transports note how the request came ({@code http}, {@code sse}, {@code websocket}). */
    public static final String TRANSPORT = "omnigate.transport";

    private final PiiAuditTrail audit;
    private final PiiSubjects subjects;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Counter> forbiddenCounters = new ConcurrentHashMap<>();

    public ScopeInstrumentation(PiiAuditTrail audit, PiiSubjects subjects, Clock clock, MeterRegistry meters) {
        this.audit = audit;
        this.subjects = subjects;
        this.clock = clock;
        this.meters = meters;
    }

    /** One request's findings and the personal data it returned. */
    static final class State implements InstrumentationState {
        volatile GatewayClient client;
        volatile SelectionAnalysis.Result analysis;
        volatile String operation;
        final Set<String> customers = new LinkedHashSet<>();
        final Set<SchemaScopes.PiiClass> classes = EnumSet.noneOf(SchemaScopes.PiiClass.class);
        final Set<String> fields = new TreeSet<>();
        boolean truncated;

        synchronized void noted(Collection<String> ids, SchemaScopes.PiiClass piiClass, String field) {
            classes.add(piiClass);
            fields.add(field);
            for (String id : ids) {
                if (customers.size() >= PiiAuditRecord.MAX_CUSTOMERS) {
                    truncated = !customers.contains(id) || truncated;
                } else {
                    customers.add(id);
                }
            }
        }

        synchronized boolean sawPersonalData() {
            return !classes.isEmpty();
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new State();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState instrumentationState) {
        if (instrumentationState instanceof State state) {
            ExecutionContext execution = parameters.getExecutionContext();
            GatewayClient client = GraphQlClients.of(execution.getGraphQLContext()).orElse(null);
            Set<Scope> granted = client == null ? Set.of() : client.scopes();
            GraphQLObjectType root = switch (execution.getOperationDefinition().getOperation()) {
                case QUERY -> execution.getGraphQLSchema().getQueryType();
                case MUTATION -> execution.getGraphQLSchema().getMutationType();
                case SUBSCRIPTION -> execution.getGraphQLSchema().getSubscriptionType();
            };
            state.client = client;
            state.operation = execution.getOperationDefinition().getName();
            GraphQLFieldDefinition sdl = execution.getGraphQLSchema().getQueryType().getFieldDefinition(FEDERATION_SDL_FIELD);
            boolean introspectionOff = execution.getGraphQLContext().getBoolean(Introspection.INTROSPECTION_DISABLED, false);
            state.analysis = SelectionAnalysis.analyse(execution.getGraphQLSchema(), root,
                    execution.getOperationDefinition().getSelectionSet(), execution.getFragmentsByName(), granted,
                    field -> introspectionOff && field == sdl ? SDL_WHILE_INTROSPECTION_IS_OFF : null);
            execution.getGraphQLContext().put(FORBIDDEN_FIELDS, state.analysis.forbidden().keySet());
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState instrumentationState) {
        if (!(instrumentationState instanceof State state) || state.analysis == null || state.analysis.nothingToDo()) {
            return dataFetcher;
        }
        GraphQLFieldDefinition field = parameters.getField();
        ScopeRequirement failed = state.analysis.forbidden().get(field);
        if (failed != null) {
            return environment -> forbidden(environment, state.client, failed);
        }
        SchemaScopes.PiiClass piiClass = state.analysis.personal().get(field);
        if (piiClass != null) {
            return environment -> noted(dataFetcher.get(environment), environment, state, piiClass);
        }
        return dataFetcher;
    }

    private DataFetcherResult<Object> forbidden(DataFetchingEnvironment environment, GatewayClient client, ScopeRequirement failed) {
        String coordinates = ((GraphQLNamedType) environment.getParentType()).getName() + "." + environment.getField().getName();
        forbiddenCounters.computeIfAbsent(coordinates, field -> Counter.builder("omnigate.auth.forbidden.fields")
                .description("Fields answered FORBIDDEN, by schema field").tag("field", field).register(meters)).increment();
        return Forbidden.result(environment, client, failed, coordinates);
    }

    private Object noted(Object fetched, DataFetchingEnvironment environment, State state, SchemaScopes.PiiClass piiClass) {
        if (fetched instanceof CompletionStage<?> stage) {
            return stage.thenApply(value -> {
                note(value, environment, state, piiClass);
                return value;
            });
        }
        note(fetched, environment, state, piiClass);
        return fetched;
    }

    private void note(Object value, DataFetchingEnvironment environment, State state, SchemaScopes.PiiClass piiClass) {
        Object data = value instanceof DataFetcherResult<?> result ? result.getData() : value;
        boolean empty = data == null || data instanceof Collection<?> list && list.isEmpty() || data instanceof String text && text.isBlank();
        if (empty) {
            return;
        }
        String coordinates = ((GraphQLNamedType) environment.getParentType()).getName() + "." + environment.getField().getName();
        state.noted(subjects.customersOf(environment.getSource()), piiClass, coordinates);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult executionResult,
            InstrumentationExecutionParameters parameters, InstrumentationState instrumentationState) {
        if (instrumentationState instanceof State state && state.sawPersonalData()) {
            audit.record(record(state, parameters));
        }
        return CompletableFuture.completedFuture(executionResult);
    }

    private PiiAuditRecord record(State state, InstrumentationExecutionParameters parameters) {
        GraphQLContext context = parameters.getGraphQLContext();
        RequestScope scope = context == null ? null : context.get(RequestScope.class);
        GatewayClient client = state.client;
        String operation = state.operation;
        if (operation != null && operation.length() > 100) {
            operation = operation.substring(0, 100);
        }
        Object transport = context == null ? null : context.get(GatewayClient.class) != null ? "websocket" : context.get(TRANSPORT);
        synchronized (state) {
            List<String> classes = new ArrayList<>();
            state.classes.forEach(piiClass -> classes.add(piiClass.name()));
            return new PiiAuditRecord(clock.instant(), client == null ? "anonymous" : client.id(), client == null ? null : client.name(),
                    client == null ? null : client.method().name(), scope == null ? null : scope.requestId(), operation,
                    transport == null ? "internal" : transport.toString(), List.copyOf(state.customers), state.truncated, classes,
                    List.copyOf(state.fields));
        }
    }
}
