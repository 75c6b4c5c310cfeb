package dev.omnigate.connector.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.PhoneNumber;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.model.TicketStatus;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.json.Json;
import dev.omnigate.connector.zendesk.mapping.ZendeskTicketMapper;
import dev.omnigate.connector.zendesk.mapping.ZendeskUserMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official examples of the operations the connector uses ({@code components.examples} of
 * {@code zendesk/support-api.oas.yaml}, read in place) go through the real readers over HTTP (WireMock answers with
 * the example bodies) or, where an example holds a part only (identities), through the mappers.
 */
final class ZendeskOasExamplesTest {

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final SourceRefs REFS = new SourceRefs(Channel.HELPDESK, "zendesk", "oas");

    private Connector connector;

    @BeforeEach
    void connect() {
        connector = new ZendeskConnectorFactory().create(ZendeskConfig.SPEC.validate(Map.of("subdomain", "company",
                "base-url", WIREMOCK.baseUrl(), "oauth-token", "oas-oauth-token-1")).orElseThrow(), TestConnectorContext.of("oas"));
    }

    @AfterEach
    void close() {
        connector.close();
    }

    /** The example's {@code value}, as Jackson sees it. */
    @SuppressWarnings("unchecked")
    static JsonNode example(String name) {
        Map<String, Object> components = (Map<String, Object>) VendorSpecs.supportApi().get("components");
        Map<String, Object> examples = (Map<String, Object>) components.get("examples");
        Map<String, Object> example = (Map<String, Object>) examples.get(name);
        assertThat(example).as("OAS example %s", name).isNotNull();
        return Json.mapper().valueToTree(example.get("value"));
    }

    /** The example an operation's 200 answer references, e.g. {@code ShowManyUsers} → {@code ShowManyUsersResponseExample}. */
    @SuppressWarnings("unchecked")
    static String exampleOf(String path, String operationId) {
        Map<String, Object> paths = (Map<String, Object>) VendorSpecs.supportApi().get("paths");
        Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("get");
        assertThat(get.get("operationId")).isEqualTo(operationId);
        Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) get.get("responses")).get("200");
        Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) ok.get("content")).get("application/json");
        Map<String, Object> ref = (Map<String, Object>) ((Map<String, Object>) json.get("examples")).get("default");
        String target = (String) ref.get("$ref");
        return target.substring(target.lastIndexOf('/') + 1);
    }

    private static CallContext call() {
        return CallContext.withTimeout("oas", Duration.ofSeconds(10));
    }

    private static void serve(String path, JsonNode body) {
        WIREMOCK.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(body.toString())));
    }

    @Test
    void showManyUsersExampleMapsThroughTheCustomerReader() {
        JsonNode body = example(exampleOf("/api/v2/users/show_many", "ShowManyUsers"));
        serve("/api/v2/users/show_many", body);

        Map<String, Customer> found = connector.customers().orElseThrow().getByIds(call(), Set.of("345678", "901234", "5"));

        assertThat(found).containsOnlyKeys("345678", "901234");
        assertThat(found.get("345678").displayName()).isEqualTo("Johnny Appleseed");
        assertThat(found.get("901234").displayName()).isEqualTo("Rupert Root");
        assertThat(found.get("345678").source().channel()).isEqualTo(Channel.HELPDESK);
        assertThat(found.get("345678").emails()).isEmpty();
        WIREMOCK.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/v2/users/show_many"))
                .withQueryParam("include", com.github.tomakehurst.wiremock.client.WireMock.equalTo("identities"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer oas-oauth-token-1")));
    }

    @Test
    void searchUsersExampleMapsThroughTheSearch() {
        serve("/api/v2/users/search", example(exampleOf("/api/v2/users/search", "SearchUsers")));

        Page<Customer> page = connector.customers().orElseThrow().search(call(), CustomerQuery.byEmail("jdoe@example.com"),
                PageRequest.first(10));

        assertThat(page.items()).extracting(c -> c.source().nativeId()).containsExactly("35436", "9873843");
        assertThat(page.items()).extracting(Customer::displayName).containsExactly("Robert Jones", "Terry Gilliam");
        assertThat(page.hasNext()).as("the example has no next_page").isFalse();
    }

    @Test
    void listAndShowUserExamplesMap() {
        ZendeskUserMapper mapper = new ZendeskUserMapper(REFS);
        List<Customer> mapped = new ArrayList<>();
        for (String name : List.of(exampleOf("/api/v2/users", "ListUsers"), "ShowManyUsersResponseExample", "SearchUsersResponseExample")) {
            example(name).path("users").forEach(user -> mapped.add(mapper.toCustomer(user, List.of())));
        }
        mapped.add(mapper.toCustomer(example(exampleOf("/api/v2/users/{user_id}", "ShowUser")).path("user"), List.of()));
        assertThat(mapped).extracting(c -> c.source().nativeId())
                .containsExactly("223443", "8678530", "345678", "901234", "35436", "9873843", "35436");
    }

    @Test
    void identitiesExampleBecomesEmailsAndPhonesPrimaryFirst() {
        JsonNode identities = example(exampleOf("/api/v2/users/{user_id}/identities", "ListUserIdentities"));
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.set("identities", identities.path("identities"));
        List<JsonNode> ofUser = ZendeskUserMapper.identitiesByUser(answer).get("135");
        ObjectNode user = Json.mapper().createObjectNode().put("id", 135).put("name", "Someone");

        Customer customer = new ZendeskUserMapper(REFS).toCustomer(user, ofUser);

        // the twitter identity is neither an email nor a phone
        assertThat(customer.emails()).containsExactly(EmailAddress.personal("someone@example.com"));
        assertThat(customer.phones()).containsExactly(PhoneNumber.of("+1 555-123-4567"));
    }

    @Test
    void ticketsShowManyExampleMapsThroughTheTicketReader() {
        serve("/api/v2/tickets/show_many", example(exampleOf("/api/v2/tickets/show_many", "TicketsShowMany")));

        Map<String, Ticket> found = connector.tickets().orElseThrow().getByIds(call(), Set.of("35436", "1"));

        assertThat(found).containsOnlyKeys("35436");
        Ticket ticket = found.get("35436");
        assertThat(ticket.requesterId()).isEqualTo("20978392");
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.rawStatus()).isEqualTo("open");
        assertThat(ticket.externalId()).isEqualTo("ahg35h3jh");
        assertThat(ticket.subject()).isEqualTo("Help, my printer is on fire!");
        assertThat(ticket.createdAt()).isEqualTo(Instant.parse("2009-07-20T22:55:29Z"));
        assertThat(ticket.updatedAt()).isEqualTo(Instant.parse("2011-05-05T10:38:52Z"));
        // via.channel web without source.from: the example sideloads no users, so no requester email
        assertThat(ticket.requesterEmail()).isNull();
    }

    @Test
    void showTicketExampleMaps() {
        Ticket ticket = new ZendeskTicketMapper(REFS).toTicket(
                example(exampleOf("/api/v2/tickets/{ticket_id}", "ShowTicket")).path("ticket"), Map.of("20978392", "x@example.com"));
        assertThat(ticket.source().nativeId()).isEqualTo("35436");
        assertThat(ticket.requesterEmail()).as("falls back to the sideloaded requester's email")
                .isEqualTo(EmailAddress.personal("x@example.com"));
    }

    @Test
    void searchExportExampleCursorIsFollowed() {
        JsonNode first = example(exampleOf("/api/v2/search/export", "ExportSearchResults"));
        String cursor = first.path("meta").path("after_cursor").asString();
        assertThat(first.path("meta").path("has_more").asBoolean()).isTrue();
        WIREMOCK.stubFor(get(urlPathEqualTo("/api/v2/search/export")).withQueryParam("page[after]", absent())
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(first.toString())));
        // the last page: the example envelope with has_more false and the tickets example's ticket as its result
        ObjectNode last = (ObjectNode) first.deepCopy();
        ((ObjectNode) last.path("meta")).put("has_more", false).putNull("after_cursor");
        ObjectNode result = (ObjectNode) example("TicketsResponseExample").path("tickets").get(0).deepCopy();
        last.putArray("results").add(result.put("result_type", "ticket"));
        WIREMOCK.stubFor(get(urlPathEqualTo("/api/v2/search/export"))
                .withQueryParam("page[after]", com.github.tomakehurst.wiremock.client.WireMock.equalTo(cursor))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(last.toString())));
        WIREMOCK.stubFor(get(urlPathEqualTo("/api/v2/users/show_many")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"users\":[]}")));

        Map<String, List<Ticket>> found = connector.tickets().orElseThrow().getByRequesterIds(call(), Set.of("20978392", "42"));

        assertThat(found).containsOnlyKeys("20978392");
        assertThat(found.get("20978392")).extracting(t -> t.source().nativeId()).containsExactly("35436");
        WIREMOCK.verify(2, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/v2/search/export"))
                .withQueryParam("filter[type]", com.github.tomakehurst.wiremock.client.WireMock.equalTo("ticket")));
    }

    @Test
    void currentUserExampleIsAHealthyAnswer() {
        serve("/api/v2/users/me", example(exampleOf("/api/v2/users/me", "ShowCurrentUser")));
        assertThat(connector.checkHealth(call()).status()).isEqualTo(dev.omnigate.connector.api.HealthStatus.UP);
    }
}
