package dev.omnigate.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.GraphQlWsSession;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad inputs over real HTTP: every error message is plain (no graphql-java AST nodes, Java types, exception or class
 * names, hash codes or stack frames) and still names what is wrong: the argument or variable and the expected type.
 */
@GatewayTest
final class ErrorMessagesTest {

    /** What a client must never read in a message. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Value\\{|java\\.|javax\\.|Exception|ArrayList|LinkedHashMap|HashMap|@[0-9a-f]{4,}|\\tat |\\bat [\\w.$]+\\(|ANTLR");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void heal() {
        FakeWorld.reset();
    }

    private HttpResponse<String> post(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String query(String query) {
        return "{\"query\":" + GraphQlWsSession.quote(query) + "}";
    }

    private static String query(String query, String variablesJson) {
        return "{\"query\":" + GraphQlWsSession.quote(query) + ",\"variables\":" + variablesJson + "}";
    }

    private static List<String> messages(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
        List<String> messages = JsonPath.read(response.body(), "$.errors[*].message");
        assertThat(messages).as(response.body()).isNotEmpty();
        return messages;
    }

    static Stream<Arguments> badLiterals() {
        return Stream.of(
                Arguments.of("an Int for a list of String", "{ products(skus: 5) { sku } }", List.of("'skus'", "'String'", "the integer 5")),
                Arguments.of("an Int and an object in the list", "{ products(skus: [1, {a: 1}]) { sku } }", List.of("'skus[0]'", "'String'")),
                Arguments.of("a String for an Int", "{ orders(first: \"ten\") { nodes { id } } }", List.of("'first'", "'Int'", "\"ten\"")),
                Arguments.of("an Int out of range", "{ orders(first: 99999999999) { nodes { id } } }", List.of("'first'", "Int range")),
                Arguments.of("an unknown enum value", "{ orders(filter: {channels: [NOPE]}) { nodes { id } } }",
                        List.of("'filter.channels[0]'", "enum 'Channel'", "NOPE")),
                Arguments.of("a String for an enum", "{ orders(filter: {channels: \"SHOPIFY\"}) { nodes { id } } }",
                        List.of("'filter.channels'", "'Channel'", "\"SHOPIFY\"")),
                Arguments.of("a date that is not one", "{ orders(filter: {createdAfter: \"yesterday\"}) { nodes { id } } }",
                        List.of("'filter.createdAfter'", "'DateTime'", "RFC 3339")),
                Arguments.of("an Int for a date", "{ orders(filter: {createdAfter: 5}) { nodes { id } } }",
                        List.of("'filter.createdAfter'", "'DateTime'", "the integer 5")),
                Arguments.of("an unknown input field", "{ orders(filter: {nope: 5}) { nodes { id } } }",
                        List.of("'filter'", "'nope'", "'OrderFilter'")),
                Arguments.of("a String for an input object", "{ orders(filter: \"x\") { nodes { id } } }",
                        List.of("'filter'", "input object", "\"x\"")),
                Arguments.of("null for a non-null argument", "{ products(skus: null) { sku } }", List.of("'skus'", "null")),
                Arguments.of("an unknown location kind", "{ locations(kinds: [SHOP]) { name } }", List.of("'kinds[0]'", "'LocationKind'")),
                Arguments.of("a list for a String", "{ product(sku: [\"A\", \"B\"]) { sku } }", List.of("'sku'", "'String'", "a list")),
                Arguments.of("a bad variable default", "query Q($n: Int = \"x\") { orders(first: $n) { nodes { id } } }",
                        List.of("default value must be of type 'Int'", "\"x\"")),
                Arguments.of("a syntax error", "{ channels { account } ", List.of("Invalid syntax")),
                Arguments.of("a character outside the grammar", "{ channels { account ~ } }", List.of("Invalid syntax")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLiterals")
    void badLiteralsAreNamedPlainly(String name, String graphql, List<String> named) throws Exception {
        List<String> messages = messages(post(query(graphql)));

        assertThat(messages).as(name).allSatisfy(message -> assertThat(message).doesNotContainPattern(INTERNALS));
        assertThat(String.join("\n", messages)).as(name).contains(named);
    }

    static Stream<Arguments> badVariables() {
        String skus = "query Q($s: [String!]!) { products(skus: $s) { sku } }";
        String filter = "query Q($f: OrderFilter) { orders(filter: $f) { nodes { id } } }";
        String first = "query Q($n: Int) { orders(first: $n) { nodes { id } } }";
        return Stream.of(
                Arguments.of("an object for a list of String", skus, "{\"s\":{\"a\":1}}", List.of("'s'", "string", "an object")),
                Arguments.of("numbers in a list of String", skus, "{\"s\":[1,2,{\"x\":[3]}]}", List.of("'s'", "string", "an integer")),
                Arguments.of("null in a list of non-null String", skus, "{\"s\":[null]}", List.of("'s'", "'String!'", "null")),
                Arguments.of("a missing required variable", skus, "{}", List.of("'s'", "'[String!]!'", "required")),
                Arguments.of("a date that is not one", filter, "{\"f\":{\"createdAfter\":\"nope\"}}", List.of("'f'", "RFC 3339", "'nope'")),
                Arguments.of("a number for a date", filter, "{\"f\":{\"createdAfter\":5}}", List.of("'f'", "RFC 3339")),
                Arguments.of("an unknown enum value", filter, "{\"f\":{\"channels\":[\"NOPE\"]}}", List.of("'f'", "'Channel'", "'NOPE'")),
                Arguments.of("an unknown input field", filter, "{\"f\":{\"zzz\":1}}", List.of("'zzz'", "'OrderFilter'")),
                Arguments.of("a list for an input object", filter, "{\"f\":[1]}", List.of("'f'", "input object", "a list")),
                Arguments.of("a String for an Int", first, "{\"n\":\"x\"}", List.of("'n'", "'Int'", "a string")),
                Arguments.of("a fraction for an Int", first, "{\"n\":1.5}", List.of("'n'", "'Int'", "a number")),
                Arguments.of("an object for an Int", first, "{\"n\":{\"a\":1}}", List.of("'n'", "'Int'", "an object")),
                Arguments.of("an Int out of range", first, "{\"n\":1e20}", List.of("'n'", "Int range")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badVariables")
    void badVariablesAreNamedPlainly(String name, String graphql, String variables, List<String> named) throws Exception {
        List<String> messages = messages(post(query(graphql, variables)));

        assertThat(messages).as(name).allSatisfy(message -> assertThat(message).doesNotContainPattern(INTERNALS));
        assertThat(String.join("\n", messages)).as(name).contains(named);
    }

    @Test
    void theMessagesAreEnglishWhateverTheClientsLanguage() throws Exception {
        List<String> messages = messages(post(query("{ products(skus: 5) { sku } }"), "Accept-Language", "de-DE"));

        assertThat(messages).singleElement().asString().doesNotContainPattern(INTERNALS).contains("argument 'skus' must be of type 'String'");
    }

    @Test
    void aConnectorMessageBuiltFromAnExceptionIsMadePlain() throws Exception {
        FakeWorld.SHOP.account("shop-us").fail(Capability.PRICES_READ, () -> ConnectorException.builder(ErrorCategory.UNAVAILABLE,
                "prices.getBySkus: transport failure talking to shop.example (java.net.SocketException: Connection reset)").build());
        FakeWorld.SHOP.account("shop-eu").fail(Capability.PRICES_READ, () -> ConnectorException.builder(ErrorCategory.BAD_RESPONSE,
                "mapping failed for dev.omnigate.connector.Foo@1a2b3c4d with StringValue{value='x'}").build());

        HttpResponse<String> response = post(query("{ product(sku: \"MUG-1\") { prices { price { amount } } } }"));

        List<Map<String, Object>> errors = JsonPath.read(response.body(), "$.errors");
        assertThat(errors).hasSize(2).allSatisfy(error -> assertThat((String) error.get("message")).doesNotContainPattern(INTERNALS));
        assertThat(response.body()).contains("transport failure talking to shop.example (connection failure: Connection reset)")
                .contains("\"code\":\"UNAVAILABLE\"", "\"code\":\"BAD_RESPONSE\"");
    }
}
