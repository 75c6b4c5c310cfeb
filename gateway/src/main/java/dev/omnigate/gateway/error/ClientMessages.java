package dev.omnigate.gateway.error;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes error messages fit for clients: graphql-java's validation and coercion messages, exception-derived connector
 * messages and anything else that would show Java or graphql-java internals (AST nodes such as
 * {@code StringValue{value='x'}}, Java types such as {@code LinkedHashMap}, exception class names, fully qualified
 * class names, {@code Object@1b2c3d} hash codes, stack frames) are rewritten into plain sentences that still name what
 * is wrong: the argument or variable, the expected type, what was given.
 *
 * <p>Guarantees: {@link #plain} returns a message for which {@link #showsInternals} is false: a message that still
 * shows internals after rewriting is replaced as a whole by the caller's fallback. Messages without internals pass
 * unchanged. Messages are expected in English (the gateway pins the GraphQL engine's locale). Pure and thread-safe.
 */
public final class ClientMessages {

    private static final int MAX_ECHO = 40;

    private static final String AST_NODE = "(?:IntValue|FloatValue|StringValue|BooleanValue|EnumValue|NullValue|ObjectValue|ArrayValue"
            + "|VariableReference|ObjectField)\\{";
    private static final Pattern AST_START = Pattern.compile("\\b" + AST_NODE);

    private static final Pattern INTERNALS = Pattern.compile(
            "Value\\{|" + AST_NODE
                    + "|\\b(?:java|javax|jakarta|jdk|sun)\\.[a-z]"
                    + "|Exception\\b"
                    + "|\\b(?:ArrayList|LinkedList|LinkedHashMap|HashMap|TreeMap|ImmutableList|ImmutableMap)\\b"
                    + "|@[0-9a-f]{4,}\\b(?![.\\w])"
                    + "|\\n\\s*at [\\w$.]+\\(|\\tat |\\bCaused by:"
                    + "|\\bANTLR\\b");

    private static final String PREFIX = "(?<prefix>Validation error \\([^)]*\\) : )?";
    private static final Pattern NOT_VALID = Pattern.compile(
            "^" + PREFIX + "argument '(?<arg>[^']*)' with value '(?<value>.*)' is not a valid '(?<type>[^']*)'(?: - (?<reason>.*))?$",
            Pattern.DOTALL);
    private static final Pattern MUST_NOT_BE_NULL = Pattern.compile(
            "^" + PREFIX + "argument '(?<arg>[^']*)' with value '(?<value>.*)' must not be null$", Pattern.DOTALL);
    private static final Pattern NOT_OBJECT = Pattern.compile(
            "^" + PREFIX + "argument '(?<arg>[^']*)' with value '(?<value>.*)' must be an object type$", Pattern.DOTALL);
    private static final Pattern MISSING_FIELDS = Pattern.compile(
            "^" + PREFIX + "argument '(?<arg>[^']*)' with value '(?<value>.*)' is missing required fields '(?<fields>[^']*)'$",
            Pattern.DOTALL);
    private static final Pattern EXTRA_FIELD = Pattern.compile(
            "^" + PREFIX + "argument '(?<arg>[^']*)' with value '(?<value>.*)' contains a field not in '(?<type>[^']*)': '(?<field>[^']*)'$",
            Pattern.DOTALL);
    private static final Pattern BAD_DEFAULT = Pattern.compile(
            "^" + PREFIX + "Bad default value '(?<value>.*)' for type '(?<type>[^']*)'$", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("^Variable '(?<var>[^']*)' has an invalid value: (?<reason>.*)$", Pattern.DOTALL);

    private static final Pattern AST_TYPE_REASON = Pattern.compile(
            "^Expected (?:an )?AST type (?:of )?'[^']*'(?: or '[^']*')? but (?:it )?was (?:a )?'[^']*'\\.?$");
    private static final Pattern ENUM_REASON = Pattern.compile("^Literal value not in allowable values for enum '[^']*'.*$", Pattern.DOTALL);
    private static final Pattern RAW_INPUT = Pattern.compile("^Expected a (?<kind>String|Number|Boolean) input, but it was a '(?<java>\\w+)'$");
    private static final Pattern CONVERTIBLE = Pattern.compile(
            "^Expected a value that can be converted to type '(?<type>[^']*)' but it was a '(?<java>\\w+)'$");
    private static final Pattern NOT_MAP = Pattern.compile(
            "^Expected type 'Map' but was '(?<java>\\w+)'\\. Variables for input objects must be an instance of type 'Map'\\.$");
    private static final Pattern INT_RANGE = Pattern.compile("^Expected value to be in the integer range, but it was a '(?<value>[^']*)'$");
    private static final Pattern NULL_FOR_NON_NULL = Pattern.compile("^Coerced Null value for NonNull type '(?<type>[^']*)'$");
    private static final Pattern MISSING_VARIABLE = Pattern.compile(
            "^Variable '[^']*' has coerced Null value for NonNull type '(?<type>[^']*)'$");

    private static final Pattern STACK = Pattern.compile("\\n\\s*at [\\w$.]+\\(|\\tat |\\n?\\s*Caused by:");
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:java|javax|jakarta|jdk|sun|com|org|io|net|graphql|dev|tools|okhttp3|okio|reactor|kotlin)\\.(?:[a-z_][a-z0-9_]*\\.)*"
                    + "(?<simple>[A-Z][A-Za-z0-9_$]*)");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b(?<name>[A-Z][A-Za-z0-9]*Exception)\\b(?<colon>:)?");
    private static final Pattern QUOTED_JAVA_TYPE = Pattern.compile(
            "\\b(?<lead>it was|but was|got)(?: an?)? '(?<java>LinkedHashMap|HashMap|TreeMap|Map|ArrayList|LinkedList|List|ImmutableList"
                    + "|Integer|Long|Short|Byte|BigInteger|Double|Float|BigDecimal|String|Character|Boolean|Object)'");
    private static final Pattern HASH_CODE = Pattern.compile("\\b[A-Za-z_$][\\w$.]*@[0-9a-f]{4,}\\b(?![.\\w])");
    private static final Pattern ANTLR = Pattern.compile("Invalid syntax with ANTLR error '(?<detail>.*)' at line", Pattern.DOTALL);

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("LinkedHashMap", "an object"), Map.entry("HashMap", "an object"), Map.entry("TreeMap", "an object"),
            Map.entry("Map", "an object"), Map.entry("ArrayList", "a list"), Map.entry("LinkedList", "a list"),
            Map.entry("List", "a list"), Map.entry("ImmutableList", "a list"), Map.entry("Integer", "an integer"),
            Map.entry("Long", "an integer"), Map.entry("Short", "an integer"), Map.entry("Byte", "an integer"),
            Map.entry("BigInteger", "an integer"), Map.entry("Double", "a number"), Map.entry("Float", "a number"),
            Map.entry("BigDecimal", "a number"), Map.entry("String", "a string"), Map.entry("Character", "a string"),
            Map.entry("Boolean", "a boolean"));

    private ClientMessages() {
    }

    /** {@link #plain(String, String)} with a generic fallback. */
    public static String plain(String message) {
        return plain(message, "the request could not be answered");
    }

    /**
     * The message as a client may see it.
     *
     * @param fallback used when the message is null or still shows internals after rewriting; must itself be plain
     */
    public static String plain(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String plain = scrub(rewritten(withoutStack(message))).strip();
        return showsInternals(plain) ? fallback : plain;
    }

    /** Whether a message shows Java or graphql-java internals (AST nodes, Java types, exceptions, hash codes, stack frames). */
    public static boolean showsInternals(String message) {
        return message != null && INTERNALS.matcher(message).find();
    }

    /** A plain word for what went wrong in a Java exception, for sentences that would otherwise name its class. */
    public static String describe(Throwable error) {
        return error == null ? "unexpected failure" : wordFor(error.getClass().getSimpleName());
    }

    private static String withoutStack(String message) {
        Matcher stack = STACK.matcher(message);
        return stack.find() ? message.substring(0, stack.start()).strip() : message;
    }

    /** graphql-java's argument and variable messages, rewritten whole. */
    private static String rewritten(String message) {
        Matcher m = NOT_VALID.matcher(message);
        if (m.matches()) {
            String reason = m.group("reason");
            boolean isEnum = reason != null && ENUM_REASON.matcher(reason).matches();
            String extra = isEnum ? null : argumentReason(reason);
            return prefix(m) + "argument '" + m.group("arg") + "' must be " + (isEnum ? "a value of enum '" : "of type '") + m.group("type")
                    + "', but was " + describeValue(m.group("value")) + (extra == null ? "" : ": " + extra);
        }
        if ((m = MUST_NOT_BE_NULL.matcher(message)).matches()) {
            return prefix(m) + "argument '" + m.group("arg") + "' must not be null";
        }
        if ((m = NOT_OBJECT.matcher(message)).matches()) {
            return prefix(m) + "argument '" + m.group("arg") + "' must be an input object, but was " + describeValue(m.group("value"));
        }
        if ((m = MISSING_FIELDS.matcher(message)).matches()) {
            return prefix(m) + "argument '" + m.group("arg") + "' is missing the required field(s) " + m.group("fields");
        }
        if ((m = EXTRA_FIELD.matcher(message)).matches()) {
            return prefix(m) + "argument '" + m.group("arg") + "' has a field '" + m.group("field") + "' that input type '" + m.group("type")
                    + "' does not define";
        }
        if ((m = BAD_DEFAULT.matcher(message)).matches()) {
            return prefix(m) + "a default value must be of type '" + m.group("type") + "', but was " + describeValue(m.group("value"));
        }
        if ((m = VARIABLE.matcher(message)).matches()) {
            return "Variable '" + m.group("var") + "' has an invalid value: " + variableReason(m.group("reason").strip());
        }
        Matcher antlr = ANTLR.matcher(message);
        return antlr.find() ? antlr.replaceFirst(Matcher.quoteReplacement("Invalid syntax (" + antlr.group("detail") + ") at line")) : message;
    }

    private static String prefix(Matcher m) {
        return m.group("prefix") == null ? "" : m.group("prefix");
    }

    /** Why a literal argument did not coerce, or null when the rest of the sentence says it all. */
    private static String argumentReason(String reason) {
        if (reason == null || reason.isBlank() || AST_TYPE_REASON.matcher(reason.strip()).matches()) {
            return null;
        }
        Matcher range = INT_RANGE.matcher(reason.strip());
        if (range.matches()) {
            return "it is outside the Int range (-2147483648 to 2147483647)";
        }
        return reason.strip();
    }

    /** Why a variable's JSON value did not coerce, in the client's terms. */
    private static String variableReason(String reason) {
        Matcher m = RAW_INPUT.matcher(reason);
        if (m.matches()) {
            return "expected a " + m.group("kind").toLowerCase(Locale.ROOT) + ", but got " + kindOf(m.group("java"));
        }
        if ((m = CONVERTIBLE.matcher(reason)).matches()) {
            return "expected a value of type '" + m.group("type") + "', but got " + kindOf(m.group("java"));
        }
        if ((m = NOT_MAP.matcher(reason)).matches()) {
            return "expected an input object, but got " + kindOf(m.group("java"));
        }
        if ((m = INT_RANGE.matcher(reason)).matches()) {
            return echo(m.group("value")) + " is outside the Int range (-2147483648 to 2147483647)";
        }
        if ((m = NULL_FOR_NON_NULL.matcher(reason)).matches()) {
            return "null is not allowed for the non-null type '" + m.group("type") + "'";
        }
        if ((m = MISSING_VARIABLE.matcher(reason)).matches()) {
            return "a value of the non-null type '" + m.group("type") + "' is required";
        }
        return reason;
    }

    /** What a client's JSON value was, from the Java type graphql-java names. */
    private static String kindOf(String javaType) {
        return KINDS.getOrDefault(javaType, "a value of another type");
    }

    /** A literal as the client wrote it, from graphql-java's rendering of its AST node. */
    static String describeValue(String node) {
        String value = node.strip();
        Matcher m;
        if ((m = Pattern.compile("^IntValue\\{value=(-?\\d+)\\}$").matcher(value)).matches()) {
            return "the integer " + echo(m.group(1));
        }
        if ((m = Pattern.compile("^FloatValue\\{value=([^}]*)\\}$").matcher(value)).matches()) {
            return "the number " + echo(m.group(1));
        }
        if ((m = Pattern.compile("^StringValue\\{value='(.*)'\\}$", Pattern.DOTALL).matcher(value)).matches()) {
            return "the string \"" + echo(m.group(1)) + "\"";
        }
        if ((m = Pattern.compile("^BooleanValue\\{value=(true|false)\\}$").matcher(value)).matches()) {
            return "the boolean " + m.group(1);
        }
        if ((m = Pattern.compile("^EnumValue\\{name='(\\w*)'\\}$").matcher(value)).matches()) {
            return "the enum value " + echo(m.group(1));
        }
        if ((m = Pattern.compile("^VariableReference\\{name='(\\w*)'\\}$").matcher(value)).matches()) {
            return "the variable $" + echo(m.group(1));
        }
        if (value.startsWith("NullValue{")) {
            return "null";
        }
        if (value.startsWith("ObjectValue{")) {
            return "an input object";
        }
        if (value.startsWith("ArrayValue{")) {
            return "a list";
        }
        return "that value";
    }

    /** A client's own text, shortened: messages stay short whatever was sent. */
    private static String echo(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
    }

    /** Everything else that shows internals, replaced piece by piece. */
    private static String scrub(String message) {
        String scrubbed = replaceAstNodes(message);
        scrubbed = replace(QUALIFIED, scrubbed, m -> m.group("simple"));
        scrubbed = replace(EXCEPTION_NAME, scrubbed, m -> wordFor(m.group("name")) + (m.group("colon") == null ? "" : ":"));
        scrubbed = replace(QUOTED_JAVA_TYPE, scrubbed, m -> m.group("lead") + " " + kindOf(m.group("java")));
        scrubbed = replace(HASH_CODE, scrubbed, m -> "a value");
        return scrubbed;
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Each AST node rendering ({@code StringValue{value='x'}}, nested ones included) as the literal it stands for. */
    private static String replaceAstNodes(String message) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher start = AST_START.matcher(message);
        while (start.find(from)) {
            int end = closingBrace(message, start.end() - 1);
            out.append(message, from, start.start());
            if (end < 0) {
                out.append("that value");
                return out.toString();
            }
            out.append(describeValue(message.substring(start.start(), end + 1)));
            from = end + 1;
        }
        return out.append(message.substring(from)).toString();
    }

    /** The index of the brace closing the one at {@code open}, skipping quoted text; -1 when there is none. */
    private static int closingBrace(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
            } else if (!quoted && c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A plain word for an exception's simple class name. */
    private static String wordFor(String simpleName) {
        String name = simpleName.replaceFirst("(?:Exception|Error)$", "").toLowerCase(Locale.ROOT);
        if (name.contains("timeout") || name.equals("interruptedio")) {
            return "timeout";
        }
        if (name.contains("eof")) {
            return "connection closed before the answer was complete";
        }
        if (name.contains("unknownhost")) {
            return "unknown host";
        }
        if (name.contains("ssl") || name.contains("tls") || name.contains("handshake")) {
            return "TLS failure";
        }
        if (name.contains("socket") || name.contains("connect")) {
            return "connection failure";
        }
        if (name.contains("interrupted")) {
            return "interrupted";
        }
        if (name.contains("json") || name.contains("jackson") || name.contains("parse")) {
            return "unreadable data";
        }
        if (name.contains("redis")) {
            return "Redis failure";
        }
        if (name.equals("io") || name.equals("uncheckedio") || name.equals("protocol")) {
            return "I/O failure";
        }
        return "unexpected failure";
    }
}
