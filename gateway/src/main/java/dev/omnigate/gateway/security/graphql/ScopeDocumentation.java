package dev.omnigate.gateway.security.graphql;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsRuntimeWiring;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes each type's and field's scopes and personal-data class into its description, so introspection, GraphiQL's
 * docs and every generated client document them from the directives themselves (they cannot drift apart):
 * "Requires scope: `orders:read`." and "Personal data (EMAIL): answers that hold it are audited."
 */
@DgsComponent
public class ScopeDocumentation {

    @DgsRuntimeWiring
    public RuntimeWiring.Builder documentScopes(RuntimeWiring.Builder builder) {
        return builder.directive(SchemaScopes.REQUIRES_SCOPES, new SchemaDirectiveWiring() {
            @Override
            public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> environment) {
                GraphQLFieldDefinition field = environment.getElement();
                return field.transform(copy -> copy.description(append(field.getDescription(), scopes(environment.getAppliedDirective()))));
            }

            @Override
            public GraphQLObjectType onObject(SchemaDirectiveWiringEnvironment<GraphQLObjectType> environment) {
                GraphQLObjectType type = environment.getElement();
                return type.transform(copy -> copy.description(append(type.getDescription(),
                        scopes(environment.getAppliedDirective()) + " (every field, and every field returning this type)")));
            }
        }).directive(SchemaScopes.PII, new SchemaDirectiveWiring() {
            @Override
            public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> environment) {
                GraphQLFieldDefinition field = environment.getElement();
                Object piiClass = environment.getAppliedDirective().getArgument("class").getValue();
                return field.transform(copy -> copy.description(append(field.getDescription(),
                        "Personal data (" + piiClass + "): every answer that holds it is written to the PII audit trail.")));
            }
        });
    }

    /** {@code Requires scope: `a`.} or {@code Requires scopes: `a` and `b`, or `c`.} */
    static String scopes(GraphQLAppliedDirective directive) {
        List<?> alternatives = directive.getArgument("scopes").getValue();
        boolean several = alternatives.size() > 1 || ((List<?>) alternatives.getFirst()).size() > 1;
        String text = alternatives.stream()
                .map(alternative -> ((List<?>) alternative).stream().map(scope -> "`" + scope + "`").collect(Collectors.joining(" and ")))
                .collect(Collectors.joining(", or "));
        return (several ? "Requires scopes: " : "Requires scope: ") + text + ".";
    }

    private static String append(String description, String sentence) {
        return description == null || description.isBlank() ? sentence : description.strip() + "\n\n" + sentence;
    }
}
