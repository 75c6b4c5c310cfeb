package dev.omnigate.simulator.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.ChannelEmail;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.Person;
import dev.omnigate.simulator.world.Ticket;
import dev.omnigate.simulator.world.WorldGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Zendesk simulator over real HTTP, checked against the demo world (expected values come from the world, never
 * from constants here): auth, users with every identity, searches, tickets with external ids, cursor paging, rate
 * limits and webhook signatures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ZendeskSimulatorHttpTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String TOKEN = "test-api-token";
    private static final String OAUTH = "test-oauth-token";
    private static final String SECRET = "test-signing-secret";

    private DemoWorld world;
    private ZendeskSimulator simulator;
    private Person ava;
    private String avaId;

    @BeforeAll
    void start() {
        world = WorldGenerator.generate(SandboxOptions.DEFAULT_SEED);
        simulator = ZendeskSimulator.start(new ZendeskDesk(world, ZendeskSimulator.SUBDOMAIN), "127.0.0.1", 0, TOKEN, OAUTH,
                SECRET, 700, Clock.systemUTC());
        ava = world.ava();
        avaId = ava.presenceOn(Channel.HELPDESK).orElseThrow().nativeId();
    }

    @AfterAll
    void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.counters().reset();
    }

    record Reply(int status, Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private Reply get(String pathAndQuery, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + pathAndQuery)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().map(), MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply get(String pathAndQuery) {
        return get(pathAndQuery, basic(TOKEN));
    }

    private static String basic(String token) {
        return "Basic " + Base64.getEncoder().encodeToString((ZendeskSimulator.AGENT_EMAIL + "/token:" + token)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void onlyTheConfiguredCredentialsAreAccepted() {
        assertThat(get("/api/v2/users/me", null).status()).isEqualTo(401);
        assertThat(get("/api/v2/users/me", basic("wrong")).status()).isEqualTo(401);
        assertThat(get("/api/v2/users/me", basic("wrong")).body().path("error").asString()).isEqualTo("Couldn't authenticate you");
        assertThat(get("/api/v2/users/me", "Bearer " + OAUTH).status()).isEqualTo(200);
        Reply me = get("/api/v2/users/me.json");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("X-Rate-Limit")).isEqualTo("700");
        assertThat(Long.parseLong(me.header("X-Rate-Limit-Remaining"))).isLessThan(700);
        assertThat(simulator.counters().path("/api/v2/users/me")).isEqualTo(5);
    }

    @Test
    void avasUserHoldsEveryAddressOfHerHelpdeskPresenceAsIdentities() {
        List<String> expected = ava.presenceOn(Channel.HELPDESK).orElseThrow().emails().stream().map(ChannelEmail::address).toList();
        assertThat(ava.presenceOn(Channel.HELPDESK).orElseThrow().emails()).extracting(ChannelEmail::kind)
                .contains(dev.omnigate.simulator.world.EmailKind.MARKETPLACE_RELAY);

        Reply reply = get("/api/v2/users/show_many?ids=" + avaId + ",1&include=identities");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("users")).hasSize(1);
        assertThat(reply.body().path("users").get(0).path("id").asString()).isEqualTo(avaId);
        assertThat(reply.body().path("users").get(0).path("email").asString()).isEqualTo(expected.get(0));
        List<JsonNode> emails = StreamSupport.stream(reply.body().path("identities").spliterator(), false)
                .filter(i -> i.path("type").asString().equals("email")).toList();
        assertThat(emails).extracting(i -> i.path("value").asString()).containsExactlyElementsOf(expected);
        assertThat(emails).extracting(i -> i.path("primary").asBoolean()).containsExactly(true, false, false);
        assertThat(emails).allSatisfy(i -> assertThat(i.path("user_id").asString()).isEqualTo(avaId));
        // without the sideload: no identities array
        assertThat(get("/api/v2/users/show_many?ids=" + avaId).body().has("identities")).isFalse();
    }

    @Test
    void searchFindsAvaByAnyOfHerAddressesAndByHerPhoneInE164() {
        for (ChannelEmail email : ava.presenceOn(Channel.HELPDESK).orElseThrow().emails()) {
            Reply reply = get("/api/v2/users/search?query=" + encode("email:" + email.normalized()) + "&include=identities");
            assertThat(reply.body().path("users")).as("search by %s", email.kind()).hasSize(1);
            assertThat(reply.body().path("users").get(0).path("id").asString()).isEqualTo(avaId);
        }
        Reply byPhone = get("/api/v2/users/search?query=" + encode("phone:" + ava.phone()));
        assertThat(byPhone.body().path("users")).extracting(u -> u.path("id").asString()).containsExactly(avaId);
        assertThat(get("/api/v2/users/search?query=" + encode("email:nobody@nowhere.example")).body().path("users")).isEmpty();
    }

    @Test
    void searchPagesByOffsetWithNextPage() {
        String query = "/api/v2/users/search?query=" + encode("\"example\"") + "&per_page=3";
        Reply first = get(query + "&page=1");
        assertThat(first.body().path("users")).hasSize(3);
        assertThat(first.body().path("next_page").isString()).isTrue();
        Reply second = get(query + "&page=2");
        assertThat(second.body().path("users").get(0).path("id").asString())
                .isNotEqualTo(first.body().path("users").get(0).path("id").asString());
        assertThat(get("/api/v2/users/search?query=" + encode("\"example\"") + "&per_page=101").status()).isEqualTo(400);
    }

    @Test
    void avasTicketsCarryTheirMarketplaceOrdersIdsAndTheAddressTheyCameFrom() {
        List<Ticket> theirs = world.ticketsOf(ava.key());
        assertThat(theirs).hasSize(2);

        Reply reply = get("/api/v2/search/export?filter%5Btype%5D=ticket&query=" + encode("requester:" + avaId)
                + "&page%5Bsize%5D=100");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("meta").path("has_more").asBoolean()).isFalse();
        JsonNode results = reply.body().path("results");
        assertThat(results).extracting(t -> t.path("id").asString())
                .containsExactlyElementsOf(theirs.stream().map(Ticket::nativeId).toList());
        for (int i = 0; i < theirs.size(); i++) {
            Ticket ticket = theirs.get(i);
            Order order = world.order(ticket.orderKey());
            JsonNode json = results.get(i);
            assertThat(order.channel()).isIn(Channel.AMAZON, Channel.TIKTOK_SHOP);
            assertThat(json.path("external_id").asString()).isEqualTo(order.nativeId());
            assertThat(json.path("via").path("source").path("from").path("address").asString()).isEqualTo(ticket.requesterEmail());
            assertThat(json.path("status").asString()).isEqualTo(ticket.status().name().toLowerCase(java.util.Locale.ROOT));
            assertThat(json.path("requester_id").asString()).isEqualTo(avaId);
        }
        assertThat(results).extracting(t -> t.path("status").asString()).containsExactlyInAnyOrder("open", "solved");
    }

    @Test
    void exportFollowsCursorsAcrossPages() {
        String ids = world.people().stream().flatMap(p -> p.presenceOn(Channel.HELPDESK).stream()).limit(60)
                .map(p -> "requester:" + p.nativeId()).collect(Collectors.joining(" "));
        String base = "/api/v2/search/export?filter%5Btype%5D=ticket&page%5Bsize%5D=2&query=" + encode(ids);
        List<String> seen = new ArrayList<>();
        Reply page = get(base);
        int pages = 1;
        while (true) {
            page.body().path("results").forEach(t -> seen.add(t.path("id").asString()));
            if (!page.body().path("meta").path("has_more").asBoolean()) {
                break;
            }
            page = get(base + "&page%5Bafter%5D=" + page.body().path("meta").path("after_cursor").asString());
            pages++;
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThan(2);
        assertThat(get("/api/v2/search/export?query=" + encode("requester:" + avaId)).status()).as("filter[type] required")
                .isEqualTo(400);
    }

    @Test
    void ticketsShowManySideloadsRequesters() {
        List<String> ids = world.ticketsOf(ava.key()).stream().map(Ticket::nativeId).toList();
        Reply reply = get("/api/v2/tickets/show_many?ids=" + String.join(",", ids) + ",99&include=users");
        assertThat(reply.body().path("tickets")).extracting(t -> t.path("id").asString()).containsExactlyElementsOf(ids);
        assertThat(reply.body().path("users")).extracting(u -> u.path("id").asString()).containsExactly(avaId);
    }

    @Test
    void anExhaustedBudgetAnswers429WithRetryAfter() {
        ZendeskSimulator limited = ZendeskSimulator.start(new ZendeskDesk(world, "limited"), "127.0.0.1", 0, TOKEN, OAUTH,
                SECRET, 700, Clock.systemUTC());
        try {
            limited.rateLimit().exhaust();
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(limited.baseUrl() + "/api/v2/users/me"))
                    .header("Authorization", basic(TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(429);
            long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            assertThat(response.headers().firstValue("X-Rate-Limit-Remaining")).contains("0");
            assertThat(response.body()).contains("APIRateLimitExceeded");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            limited.close();
        }
    }

    @Test
    void webhooksAreSignedOverTimestampAndBody() throws Exception {
        String ticketId = world.ticketsOf(ava.key()).get(0).nativeId();
        ZendeskWebhook webhook = simulator.webhook(ticketId, "zen:event-type:ticket.status_changed", Instant.parse("2026-10-27T09:30:00Z"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(webhook.header("X-Zendesk-Webhook-Signature-Timestamp").getBytes(StandardCharsets.UTF_8));
        mac.update(webhook.body());
        assertThat(webhook.header("X-Zendesk-Webhook-Signature")).isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal()));
        JsonNode body = MAPPER.readTree(webhook.body());
        assertThat(body.path("subject").asString()).isEqualTo("zen:ticket:" + ticketId);
        assertThat(body.path("detail").path("id").asString()).isEqualTo(ticketId);
    }

    @Test
    void theDeskIsDeterministic() {
        ZendeskDesk again = new ZendeskDesk(WorldGenerator.generate(SandboxOptions.DEFAULT_SEED), ZendeskSimulator.SUBDOMAIN);
        assertThat(again.users().keySet()).containsExactlyElementsOf(simulator.desk().users().keySet());
        assertThat(again.users().get(avaId).identities()).isEqualTo(simulator.desk().users().get(avaId).identities());
        assertThat(again.tickets().keySet()).containsExactlyElementsOf(simulator.desk().tickets().keySet());
        long helpdeskPeople = world.people().stream().filter(p -> p.presenceOn(Channel.HELPDESK).isPresent()).count();
        assertThat(simulator.desk().users()).hasSize((int) helpdeskPeople);
        assertThat(simulator.desk().tickets()).hasSize(world.tickets().size());
    }
}
