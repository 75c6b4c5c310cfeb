package dev.omnigate.simulator.shopify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Shopify's search syntax for the {@code query:} argument of connections: {@code field:value} terms
 * ({@code email:ava.chen@example.com}, {@code created_at:>=2025-01-01T00:00:00Z}, {@code sku:"OO-HL4"}), free text,
 * {@code AND} (or plain juxtaposition), {@code OR}, {@code NOT} / leading {@code -}, parentheses, double quotes and a
 * trailing {@code *} for prefix matches. Like Shopify, a term naming a field the resource does not support is
 * ignored and reported as a warning ("Invalid search field for this query.").
 */
final class SearchQuery<T> {

    /** How a field's values are compared. */
    enum Kind { TEXT, PHONE, NUMBER, DATE }

    /** A searchable field: its kind and its values for an entity. */
    record Field<T>(Kind kind, Function<T, List<?>> values) {
    }

    /** The fields a resource supports and what free text matches. */
    record Fields<T>(Map<String, Field<T>> byName, Function<T, List<String>> freeText) {
    }

    private final Predicate<T> predicate;
    private final List<String> invalidFields;

    private SearchQuery(Predicate<T> predicate, List<String> invalidFields) {
        this.predicate = predicate;
        this.invalidFields = List.copyOf(invalidFields);
    }

    /** Parses a query; a null or blank query matches everything. */
    static <T> SearchQuery<T> parse(String query, Fields<T> fields) {
        if (query == null || query.isBlank()) {
            return new SearchQuery<>(t -> true, List.of());
        }
        Parser<T> parser = new Parser<>(tokenize(query), fields);
        Predicate<T> predicate = parser.parseOr();
        while (parser.position < parser.tokens.size()) {
            // a stray closing parenthesis: Shopify is lenient, so keep reading what follows as AND terms
            parser.position++;
            predicate = and(predicate, parser.parseOr());
        }
        return new SearchQuery<>(predicate == null ? t -> true : predicate, parser.invalidFields);
    }

    boolean matches(T entity) {
        return predicate.test(entity);
    }

    /** Field names the query used that this resource does not know (ignored when matching). */
    List<String> invalidFields() {
        return invalidFields;
    }

    // ---------------------------------------------------------------- tokens

    private static List<String> tokenize(String query) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                StringBuilder token = new StringBuilder();
                boolean quoted = false;
                while (i < query.length()) {
                    char d = query.charAt(i);
                    if (d == '"') {
                        quoted = !quoted;
                    } else if (!quoted && (Character.isWhitespace(d) || d == '(' || d == ')')) {
                        break;
                    }
                    token.append(d);
                    i++;
                }
                tokens.add(token.toString());
            }
        }
        return tokens;
    }

    private static final class Parser<T> {
        final List<String> tokens;
        final Fields<T> fields;
        final List<String> invalidFields = new ArrayList<>();
        int position;

        Parser(List<String> tokens, Fields<T> fields) {
            this.tokens = tokens;
            this.fields = fields;
        }

        // a null predicate stands for an ignored term (unknown field): it drops out of AND, OR and NOT

        Predicate<T> parseOr() {
            Predicate<T> left = parseAnd();
            while (peek("OR")) {
                position++;
                Predicate<T> right = parseAnd();
                left = left == null ? right : right == null ? left : left.or(right);
            }
            return left;
        }

        Predicate<T> parseAnd() {
            Predicate<T> left = parseUnary();
            while (position < tokens.size() && !peek("OR") && !peek(")")) {
                if (peek("AND")) {
                    position++;
                }
                left = and(left, parseUnary());
            }
            return left;
        }

        Predicate<T> parseUnary() {
            if (position >= tokens.size()) {
                return null;
            }
            if (peek("NOT")) {
                position++;
                Predicate<T> negated = parseUnary();
                return negated == null ? null : negated.negate();
            }
            if (peek("(")) {
                position++;
                Predicate<T> inner = parseOr();
                if (peek(")")) {
                    position++;
                }
                return inner;
            }
            String token = tokens.get(position++);
            if (token.length() > 1 && token.startsWith("-")) {
                Predicate<T> negated = term(token.substring(1));
                return negated == null ? null : negated.negate();
            }
            return term(token);
        }

        boolean peek(String token) {
            return position < tokens.size() && tokens.get(position).equals(token);
        }

        Predicate<T> term(String token) {
            int colon = indexOfUnquotedColon(token);
            if (colon <= 0) {
                String text = unquote(token).toLowerCase(Locale.ROOT);
                return t -> fields.freeText().apply(t).stream()
                        .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(text));
            }
            String name = token.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = token.substring(colon + 1);
            Field<T> field = fields.byName().get(name);
            if (field == null) {
                invalidFields.add(name);
                return null;
            }
            String op = "=";
            for (String candidate : List.of(">=", "<=", ">", "<", "=")) {
                if (rest.startsWith(candidate)) {
                    op = candidate;
                    rest = rest.substring(candidate.length());
                    break;
                }
            }
            String value = unquote(rest);
            String operator = op;
            return t -> field.values().apply(t).stream().anyMatch(v -> v != null && compare(field.kind(), v, operator, value));
        }

        private static int indexOfUnquotedColon(String token) {
            boolean quoted = false;
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ':' && !quoted) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static <T> Predicate<T> and(Predicate<T> left, Predicate<T> right) {
        return left == null ? right : right == null ? left : left.and(right);
    }

    private static String unquote(String text) {
        String t = text.strip();
        if (t.length() >= 2 && ((t.startsWith("\"") && t.endsWith("\"")) || (t.startsWith("'") && t.endsWith("'")))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static boolean compare(Kind kind, Object actual, String op, String expected) {
        return switch (kind) {
            case TEXT -> {
                String a = actual.toString().strip().toLowerCase(Locale.ROOT);
                String e = expected.toLowerCase(Locale.ROOT);
                if (e.endsWith("*")) {
                    yield a.startsWith(e.substring(0, e.length() - 1));
                }
                yield ordered(a.compareTo(e), op);
            }
            case PHONE -> {
                String a = digits(actual.toString());
                String e = digits(expected);
                yield !e.isEmpty() && (a.equals(e) || a.equals("1" + e) || e.equals("1" + a));
            }
            case NUMBER -> {
                try {
                    yield ordered(Long.compare(((Number) actual).longValue(), Long.parseLong(expected)), op);
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            case DATE -> {
                Instant bound = parseInstant(expected);
                yield bound != null && ordered(((Instant) actual).compareTo(bound), op);
            }
        };
    }

    private static boolean ordered(int comparison, String op) {
        return switch (op) {
            case ">=" -> comparison >= 0;
            case "<=" -> comparison <= 0;
            case ">" -> comparison > 0;
            case "<" -> comparison < 0;
            default -> comparison == 0;
        };
    }

    private static String digits(String text) {
        return text.replaceAll("\\D", "");
    }

    /** ISO instants, local date-times (read as UTC) and plain dates (midnight UTC). */
    static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // not a full instant; try the shorter forms Shopify accepts
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try a plain date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
