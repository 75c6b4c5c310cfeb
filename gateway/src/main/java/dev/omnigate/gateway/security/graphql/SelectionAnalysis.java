package dev.omnigate.gateway.security.graphql;

import dev.omnigate.gateway.security.Scope;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over an operation's selections, before it runs: which of the selected fields the client may not read (with
 * the requirement it fails) and which selected fields hold personal data. A field selected on an interface counts for
 * every implementation (the object's real type is known only later), so {@code node(id:) { id }} on a Customer id is
 * decided like {@code Customer.id}. Each fragment is walked once, whatever how often it is spread, so the cost is linear
 * in the document's size.
 */
final class SelectionAnalysis {

    /** What the pass found; both maps are keyed by field definition identity. */
    record Result(Map<GraphQLFieldDefinition, ScopeRequirement> forbidden, Map<GraphQLFieldDefinition, SchemaScopes.PiiClass> personal) {
        boolean nothingToDo() {
            return forbidden.isEmpty() && personal.isEmpty();
        }
    }

    private final GraphQLSchema schema;
    private final SchemaScopes scopes;
    private final Set<Scope> granted;
    private final java.util.function.Function<GraphQLFieldDefinition, ScopeRequirement> extraGuard;
    private final Map<String, FragmentDefinition> fragments;
    private final Set<String> walkedFragments = new HashSet<>();
    private final Set<GraphQLFieldDefinition> considered = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<GraphQLFieldDefinition, ScopeRequirement> forbidden = new IdentityHashMap<>();
    private final Map<GraphQLFieldDefinition, SchemaScopes.PiiClass> personal = new IdentityHashMap<>();

    private SelectionAnalysis(GraphQLSchema schema, Set<Scope> granted, Map<String, FragmentDefinition> fragments,
            java.util.function.Function<GraphQLFieldDefinition, ScopeRequirement> extraGuard) {
        this.schema = schema;
        this.scopes = SchemaScopes.of(schema);
        this.granted = granted;
        this.fragments = fragments;
        this.extraGuard = extraGuard;
    }

    /**
     * @param extraGuard a requirement for fields the schema's directives cannot reach (the federation SDL field added by
     *     DGS); null for none
     */
    static Result analyse(GraphQLSchema schema, GraphQLObjectType root, SelectionSet selections, Map<String, FragmentDefinition> fragments,
            Set<Scope> granted, java.util.function.Function<GraphQLFieldDefinition, ScopeRequirement> extraGuard) {
        SelectionAnalysis analysis = new SelectionAnalysis(schema, granted, fragments, extraGuard);
        analysis.walk(selections, root);
        return new Result(analysis.forbidden, analysis.personal);
    }

    private void walk(SelectionSet selections, GraphQLCompositeType parent) {
        if (selections == null || parent == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            switch (selection) {
                case Field field -> field(field, parent);
                case InlineFragment fragment -> walk(fragment.getSelectionSet(), fragment.getTypeCondition() == null ? parent
                        : composite(fragment.getTypeCondition().getName()));
                case FragmentSpread spread -> {
                    FragmentDefinition definition = fragments.get(spread.getName());
                    if (definition != null && walkedFragments.add(spread.getName())) {
                        walk(definition.getSelectionSet(), composite(definition.getTypeCondition().getName()));
                    }
                }
                default -> {
                }
            }
        }
    }

    private void field(Field field, GraphQLCompositeType parent) {
        String name = field.getName();
        if (name.startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
            return; // meta fields; a union's only field is __typename
        }
        GraphQLFieldDefinition definition = container.getFieldDefinition(name);
        if (definition == null) {
            return; // validation reports unknown fields
        }
        consider(definition);
        if (parent instanceof GraphQLInterfaceType contract) {
            for (GraphQLObjectType implementation : schema.getImplementations(contract)) {
                GraphQLFieldDefinition concrete = implementation.getFieldDefinition(name);
                if (concrete != null) {
                    consider(concrete);
                }
            }
        }
        if (field.getSelectionSet() != null) {
            GraphQLType returned = GraphQLTypeUtil.unwrapAll(definition.getType());
            if (returned instanceof GraphQLCompositeType composite) {
                walk(field.getSelectionSet(), composite);
            }
        }
    }

    private void consider(GraphQLFieldDefinition definition) {
        if (!considered.add(definition)) {
            return;
        }
        List<ScopeRequirement> guard = scopes.guardOf(definition);
        for (ScopeRequirement requirement : guard) {
            if (!requirement.satisfiedBy(granted)) {
                forbidden.put(definition, requirement);
                return;
            }
        }
        ScopeRequirement extra = extraGuard.apply(definition);
        if (extra != null && !extra.satisfiedBy(granted)) {
            forbidden.put(definition, extra);
            return;
        }
        scopes.piiClassOf(definition).ifPresent(piiClass -> personal.put(definition, piiClass));
    }

    private GraphQLCompositeType composite(String typeName) {
        return schema.getType(typeName) instanceof GraphQLCompositeType composite ? composite : null;
    }
}
