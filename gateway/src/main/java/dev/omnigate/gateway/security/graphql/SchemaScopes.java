package dev.omnigate.gateway.security.graphql;

import dev.omnigate.gateway.security.Scope;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the schema's {@code @requiresScopes} and {@code @pii} directives say, read once per schema: for every field, the
 * requirements it must meet (its own, its type's, the type it returns) and its class of personal data. An unknown
 * scope name in the SDL fails the start: a typo must not silently open or close a field.
 */
public final class SchemaScopes {

    /** The directive guarding types and fields. */
    public static final String REQUIRES_SCOPES = "requiresScopes";
    /** The directive marking personal data. */
    public static final String PII = "pii";

    private static volatile SchemaScopes last;

    private final GraphQLSchema schema;
    private final Map<GraphQLFieldDefinition, List<ScopeRequirement>> guards = new IdentityHashMap<>();
    private final Map<GraphQLFieldDefinition, String> coordinates = new IdentityHashMap<>();
    private final Map<GraphQLFieldDefinition, PiiClass> personal = new IdentityHashMap<>();
    private final Map<String, ScopeRequirement> typeRequirements = new LinkedHashMap<>();

    /** The kinds of personal data a field can hold (the SDL's {@code PiiClass}). */
    public enum PiiClass {
        NAME,
        EMAIL,
        PHONE,
        ADDRESS
    }

    private SchemaScopes(GraphQLSchema schema) {
        this.schema = schema;
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof GraphQLDirectiveContainer container) {
                requirement(container, "type " + type.getName()).ifPresent(requirement -> typeRequirements.put(type.getName(), requirement));
            }
        }
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__") || !(type instanceof GraphQLFieldsContainer container)) {
                continue;
            }
            for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                List<ScopeRequirement> all = new ArrayList<>();
                requirement(field, type.getName() + "." + field.getName()).ifPresent(all::add);
                Optional.ofNullable(typeRequirements.get(type.getName())).ifPresent(all::add);
                GraphQLType returned = GraphQLTypeUtil.unwrapAll(field.getType());
                if (returned instanceof GraphQLNamedType named && !named.getName().equals(type.getName())) {
                    Optional.ofNullable(typeRequirements.get(named.getName())).ifPresent(all::add);
                }
                if (!all.isEmpty()) {
                    guards.put(field, List.copyOf(all));
                }
                coordinates.put(field, type.getName() + "." + field.getName());
                pii(field).ifPresent(piiClass -> personal.put(field, piiClass));
            }
        }
    }

    /** The scopes of a schema (the last one is kept: there is one schema per gateway, rebuilt only on reload). */
    public static SchemaScopes of(GraphQLSchema schema) {
        SchemaScopes known = last;
        if (known != null && known.schema == schema) {
            return known;
        }
        SchemaScopes built = new SchemaScopes(schema);
        last = built;
        return built;
    }

    /** Every requirement a field must meet (empty: any client). */
    public List<ScopeRequirement> guardOf(GraphQLFieldDefinition field) {
        return guards.getOrDefault(field, List.of());
    }

    /** {@code Type.field}. */
    public String coordinatesOf(GraphQLFieldDefinition field) {
        return coordinates.getOrDefault(field, field.getName());
    }

    /** The class of personal data the field holds, if any. */
    public Optional<PiiClass> piiClassOf(GraphQLFieldDefinition field) {
        return Optional.ofNullable(personal.get(field));
    }

    /** The requirement on a whole type, if any (for {@code node(id:)}, which learns the type from the id). */
    public Optional<ScopeRequirement> requirementOfType(String typeName) {
        return Optional.ofNullable(typeRequirements.get(typeName));
    }

    /** Every field with a guard, as {@code Type.field} → requirements (for docs and tests). */
    public Map<String, List<ScopeRequirement>> guardedFields() {
        Map<String, List<ScopeRequirement>> all = new java.util.TreeMap<>();
        guards.forEach((field, requirements) -> all.put(coordinatesOf(field), requirements));
        return Collections.unmodifiableMap(all);
    }

    private static Optional<ScopeRequirement> requirement(GraphQLDirectiveContainer element, String on) {
        GraphQLAppliedDirective directive = element.getAppliedDirective(REQUIRES_SCOPES);
        if (directive == null) {
            return Optional.empty();
        }
        GraphQLAppliedDirectiveArgument argument = directive.getArgument("scopes");
        Object value = argument == null ? null : argument.getValue();
        if (!(value instanceof List<?> outer) || outer.isEmpty()) {
            throw new IllegalStateException("@requiresScopes on " + on + " must list at least one set of scopes");
        }
        List<Set<Scope>> alternatives = new ArrayList<>();
        for (Object inner : outer) {
            if (!(inner instanceof List<?> names) || names.isEmpty()) {
                throw new IllegalStateException("@requiresScopes on " + on + " has an empty set of scopes");
            }
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (Object name : names) {
                scopes.add(Scope.of(String.valueOf(name)).orElseThrow(() -> new IllegalStateException("@requiresScopes on " + on
                        + " names the unknown scope '" + name + "'; known scopes are " + Scope.names())));
            }
            alternatives.add(scopes);
        }
        return Optional.of(new ScopeRequirement(alternatives, on));
    }

    private static Optional<PiiClass> pii(GraphQLFieldDefinition field) {
        GraphQLAppliedDirective directive = field.getAppliedDirective(PII);
        if (directive == null) {
            return Optional.empty();
        }
        Object value = directive.getArgument("class").getValue();
        return Optional.of(PiiClass.valueOf(String.valueOf(value)));
    }
}
