package dev.omnigate.connector.testkit.example;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.testkit.ConnectorContractTest;
import dev.omnigate.connector.testkit.ContractFixtures;
import dev.omnigate.connector.testkit.ContractOperation;
import dev.omnigate.connector.testkit.SearchCase;
import dev.omnigate.connector.testkit.StubServer;
import dev.omnigate.connector.testkit.VendorFailure;
import dev.omnigate.connector.testkit.VendorStubs;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole contract run against {@link ExampleConnectorFactory}: proves the kit works for a vendor
 * that declares one capability (every other group must then check the standard refusal).
 */
final class ExampleConnectorContractTest extends ConnectorContractTest {

    private static final String TOKEN = "example-token-5f1d2c9a";

    /** The example vendor's data: id -> (name, email); search by email returns c1..c3 in this order. */
    private static final Map<String, String[]> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("c1", new String[] {"Ava Chen", "ava.chen@example.com"});
        PEOPLE.put("c2", new String[] {"Ava Chen (work)", "ava.chen@example.com"});
        PEOPLE.put("c3", new String[] {"A. Chen", "ava.chen@example.com"});
        PEOPLE.put("c4", new String[] {"Bo Li", "bo.li@example.com"});
    }

    private static Customer expected(String id) {
        String[] person = PEOPLE.get(id);
        return new Customer(new SourceRef(Channel.HELPDESK, "example-rest", "contract-test", id), person[0], null, null,
                List.of(EmailAddress.personal(person[1])), List.of(), null, null, null);
    }

    private static String customerJson(String id) {
        String[] person = PEOPLE.get(id);
        return "{\"id\":\"" + id + "\",\"name\":\"" + person[0] + "\",\"email\":\"" + person[1] + "\"}";
    }

    @Override
    protected ConnectorFactory factory() {
        return new ExampleConnectorFactory();
    }

    @Override
    protected Map<String, Object> validConfig(String baseUrl) {
        return Map.of("base-url", baseUrl, "api-token", TOKEN);
    }

    @Override
    protected ContractFixtures fixtures() {
        return ContractFixtures.builder()
                .customers(new ContractFixtures.Customers(
                        Map.of("c1", expected("c1"), "c4", expected("c4")),
                        Set.of("c404"),
                        n -> "missing-" + n,
                        List.of(new SearchCase<>("email ava.chen@example.com", CustomerQuery.byEmail("ava.chen@example.com"), 2,
                                List.of("c1", "c2", "c3")))))
                .build();
    }

    @Override
    protected VendorStubs stubs() {
        return new VendorStubs() {
            @Override
            public void registerHappyPath(StubServer server) {
                server.respond(get(urlPathEqualTo("/customers")), request -> {
                    String ids = request.queryParameter("ids").firstValue();
                    String found = Arrays.stream(ids.split(",")).filter(PEOPLE::containsKey)
                            .map(ExampleConnectorContractTest::customerJson).collect(Collectors.joining(","));
                    return okJson("{\"customers\":[" + found + "]}");
                });
                server.respond(get(urlPathEqualTo("/customers/search")), request -> {
                    String email = request.queryParameter("email").firstValue();
                    int limit = Integer.parseInt(request.queryParameter("limit").firstValue());
                    int from = request.queryParameter("cursor").isPresent()
                            ? Integer.parseInt(request.queryParameter("cursor").firstValue()) : 0;
                    List<String> matches = PEOPLE.entrySet().stream().filter(e -> e.getValue()[1].equals(email))
                            .map(Map.Entry::getKey).toList();
                    List<String> page = matches.subList(Math.min(from, matches.size()), Math.min(from + limit, matches.size()));
                    String next = from + limit < matches.size() ? "\"" + (from + limit) + "\"" : "null";
                    return okJson("{\"customers\":[" + page.stream().map(ExampleConnectorContractTest::customerJson)
                            .collect(Collectors.joining(",")) + "],\"next_cursor\":" + next + "}");
                });
                server.stubFor(get(urlPathEqualTo("/health")).willReturn(okJson("{\"ok\":true}")));
            }

            @Override
            public void registerFailure(StubServer server, ContractOperation operation, VendorFailure failure) {
                MappingBuilder mapping = switch (operation) {
                    case HEALTH -> get(urlPathEqualTo("/health"));
                    default -> get(urlPathMatching("/customers.*"));
                };
                ResponseDefinitionBuilder answer = switch (failure) {
                    case UNAUTHENTICATED -> aResponse().withStatus(401).withBody("{\"error\":\"bad token\"}");
                    case PERMISSION_DENIED -> aResponse().withStatus(403);
                    case RATE_LIMITED -> aResponse().withStatus(429).withHeader("Retry-After", "7");
                    case UNAVAILABLE -> aResponse().withStatus(503);
                    case MALFORMED_RESPONSE -> aResponse().withStatus(200).withBody("{\"customers\": [");
                    case SLOW -> okJson("{\"customers\":[]}").withFixedDelay((int) VendorFailure.SLOW_DELAY.toMillis());
                };
                server.stubFor(mapping.willReturn(answer));
            }

            @Override
            public Duration expectedRetryAfter() {
                return Duration.ofSeconds(7);
            }

            @Override
            public Map<String, String> requiredRequestHeaders() {
                return Map.of("Authorization", "Bearer " + TOKEN);
            }
        };
    }
}
