package dev.omnigate.gateway.limits;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed document against {@code omnigate.limits.document.*} before graphql-java validates it (some validation
 * rules are quadratic in the number of fields), in time linear in the document: aliases, root fields, depth and fields
 * with fragments followed (each fragment's figures computed once, then multiplied by how often it is spread), and the
 * length of every string argument, literal or in the variables. The first limit exceeded is reported.
 */
public final class DocumentLimits {

    private final LimitsProperties.Document limits;

    public DocumentLimits(LimitsProperties.Document limits) {
        this.limits = limits;
    }

    /**
     * @throws LimitExceededException naming the first limit the document exceeds
     */
    public void check(Document document, Map<String, Object> variables) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        int aliases = 0;
        long rawFields = 0;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            }
        }
        Counter counter = new Counter(fragments);
        for (Definition<?> definition : document.getDefinitions()) {
            SelectionSet selections = switch (definition) {
                case OperationDefinition operation -> operation.getSelectionSet();
                case FragmentDefinition fragment -> fragment.getSelectionSet();
                default -> null;
            };
            if (selections != null) {
                Raw raw = counter.raw(selections);
                aliases += raw.aliases;
                rawFields += raw.fields;
            }
        }
        if (aliases > limits.maxAliases()) {
            throw LimitExceededException.document("MAX_ALIASES_EXCEEDED", "uses aliases", "omnigate.limits.document.max-aliases",
                    limits.maxAliases(), aliases);
        }
        if (rawFields > limits.maxFields()) {
            throw LimitExceededException.document("MAX_FIELDS_EXCEEDED", "selects fields", "omnigate.limits.document.max-fields",
                    limits.maxFields(), rawFields);
        }
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                Shape shape = counter.shape(operation.getSelectionSet());
                long roots = counter.rootFields(operation.getSelectionSet());
                if (roots > limits.maxRootFields()) {
                    throw LimitExceededException.document("MAX_ROOT_FIELDS_EXCEEDED", "selects root fields",
                            "omnigate.limits.document.max-root-fields", limits.maxRootFields(), roots);
                }
                if (shape.depth > limits.maxDepth()) {
                    throw LimitExceededException.document("MAX_DEPTH_EXCEEDED", "nests selections", "omnigate.limits.document.max-depth",
                            limits.maxDepth(), shape.depth);
                }
                if (shape.fields > limits.maxFields()) {
                    throw LimitExceededException.document("MAX_FIELDS_EXCEEDED", "selects fields (fragments expanded)",
                            "omnigate.limits.document.max-fields", limits.maxFields(), shape.fields);
                }
            }
        }
        long longest = Math.max(counter.longestString, longestString(variables));
        if (longest > limits.maxStringLength()) {
            throw LimitExceededException.document("MAX_STRING_LENGTH_EXCEEDED", "holds a string of length",
                    "omnigate.limits.document.max-string-length", limits.maxStringLength(), longest);
        }
    }

    private record Raw(int aliases, long fields) {
    }

    /** Depth and field count of a selection set with fragments expanded; {@code fields} saturates far above any limit. */
    private record Shape(int depth, long fields) {
    }

    private static final class Counter {
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Shape> fragmentShapes = new HashMap<>();
        private final Map<String, Long> fragmentRootFields = new HashMap<>();
        private final Set<String> expanding = new HashSet<>();
        int longestString;

        Counter(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        /** Aliases and fields as written (each node once), noting the longest string literal on the way. */
        Raw raw(SelectionSet selections) {
            int aliases = 0;
            long fields = 0;
            for (Selection<?> selection : selections.getSelections()) {
                switch (selection) {
                    case Field field -> {
                        fields++;
                        if (field.getAlias() != null) {
                            aliases++;
                        }
                        for (Argument argument : field.getArguments()) {
                            strings(argument.getValue());
                        }
                        if (field.getSelectionSet() != null) {
                            Raw inner = raw(field.getSelectionSet());
                            aliases += inner.aliases;
                            fields += inner.fields;
                        }
                    }
                    case InlineFragment fragment -> {
                        Raw inner = raw(fragment.getSelectionSet());
                        aliases += inner.aliases;
                        fields += inner.fields;
                    }
                    default -> {
                    }
                }
            }
            return new Raw(aliases, fields);
        }

        /** Root fields of an operation, fragments at the root expanded (each fragment counted once, then reused). */
        long rootFields(SelectionSet selections) {
            long count = 0;
            for (Selection<?> selection : selections.getSelections()) {
                count = saturated(count + switch (selection) {
                    case Field field -> 1;
                    case InlineFragment fragment -> rootFields(fragment.getSelectionSet());
                    case FragmentSpread spread -> fragmentRootFields(spread.getName());
                    default -> 0;
                });
            }
            return count;
        }

        private long fragmentRootFields(String name) {
            Long known = fragmentRootFields.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null || !expanding.add(name)) {
                return 0; // a cycle, refused by validation later
            }
            long count = rootFields(definition.getSelectionSet());
            expanding.remove(name);
            fragmentRootFields.put(name, count);
            return count;
        }

        Shape shape(SelectionSet selections) {
            int depth = 0;
            long fields = 0;
            for (Selection<?> selection : selections.getSelections()) {
                Shape inner = switch (selection) {
                    case Field field -> {
                        Shape below = field.getSelectionSet() == null ? new Shape(0, 0) : shape(field.getSelectionSet());
                        yield new Shape(below.depth + 1, below.fields + 1);
                    }
                    case InlineFragment fragment -> shape(fragment.getSelectionSet());
                    case FragmentSpread spread -> fragment(spread.getName());
                    default -> new Shape(0, 0);
                };
                depth = Math.max(depth, inner.depth);
                fields = saturated(fields + inner.fields);
            }
            return new Shape(depth, fields);
        }

        /** A fragment's shape, computed once; a cycle (refused by validation later) counts as empty here. */
        private Shape fragment(String name) {
            Shape known = fragmentShapes.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null || !expanding.add(name)) {
                return new Shape(0, 0);
            }
            Shape shape = shape(definition.getSelectionSet());
            expanding.remove(name);
            fragmentShapes.put(name, shape);
            return shape;
        }

        private static long saturated(long value) {
            return Math.min(value, Long.MAX_VALUE / 4);
        }

        private void strings(Value<?> value) {
            switch (value) {
                case StringValue string -> longestString = Math.max(longestString, string.getValue().length());
                case ArrayValue array -> array.getValues().forEach(this::strings);
                case ObjectValue object -> {
                    for (ObjectField field : object.getObjectFields()) {
                        strings(field.getValue());
                    }
                }
                default -> {
                }
            }
        }
    }

    private static long longestString(Object value) {
        return switch (value) {
            case String text -> text.length();
            case Map<?, ?> map -> map.values().stream().mapToLong(DocumentLimits::longestString).max().orElse(0);
            case List<?> list -> list.stream().mapToLong(DocumentLimits::longestString).max().orElse(0);
            case null, default -> 0;
        };
    }
}
