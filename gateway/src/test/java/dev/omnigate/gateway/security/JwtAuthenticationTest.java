package dev.omnigate.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.TestClients;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * JWTs from an identity provider, for real: RSA keys made in the test, the JWKS served over HTTP on loopback, tokens
 * signed with Nimbus, the gateway configured with Spring Security's standard resource-server properties. Valid tokens
 * get their scopes (from {@code scope} or {@code scp}); every kind of bad token gets a 401 and no upstream call; a key
 * the IdP rotates in is picked up without a restart.
 */
@GatewayTest
@ExtendWith(OutputCaptureExtension.class)
final class JwtAuthenticationTest {

    private static final String ISSUER = "https://idp.example.test/";
    private static final String AUDIENCE = "omnigate";
    private static final List<RSAKey> PUBLISHED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
    private static final RSAKey FIRST = key("key-1");
    private static final HttpServer IDP = idp();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The IdP's JWKS endpoint: whatever keys are published right now. */
    private static HttpServer idp() {
        try {
            PUBLISHED.add(FIRST);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                JWKS_FETCHES.incrementAndGet();
                byte[] body = new JWKSet(PUBLISHED.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList())
                        .toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + IDP.getAddress().getPort() + "/jwks");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    }

    @AfterAll
    static void stopIdp() {
        IDP.stop(0);
    }

    @BeforeEach
    void reset() {
        // the IdP's current key is known to the gateway (as in production after its first token): a test that just sent
        // tokens of made-up keys may hold back a further unknown key for up to omnigate.security.jwt.unknown-key-interval
        String current = token(FIRST, claims -> claims.claim("scope", "catalog:read"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> query(current, "{ __typename }").statusCode() == 200);
        FakeWorld.reset();
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> customize) {
        try {
            JWTClaimsSet.Builder claims = claims("support-agent-7");
            customize.accept(claims);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> query(String token, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aValidTokenReadsWhatItsScopeClaimAllowsAndNoMore() throws Exception {
        String token = token(FIRST, claims -> claims.claim("scope", "openid catalog:read profile"));

        HttpResponse<String> products = query(token, "{ products(skus: [\"MUG-1\"]) { sku } }");
        HttpResponse<String> orders = query(token, "{ orders(first: 1) { nodes { id } } }");

        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(products.body(), "$.data.products[0].sku")).isEqualTo("MUG-1");
        assertThat(JsonPath.<String>read(orders.body(), "$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(JsonPath.<String>read(orders.body(), "$.errors[0].message")).contains("support-agent-7");
    }

    @Test
    void scopesAlsoComeFromAnScpList() throws Exception {
        String token = token(FIRST, claims -> claims.claim("scp", List.of("orders:read", "unknown:scope")));

        HttpResponse<String> orders = query(token, "{ orders(first: 1) { nodes { id } } }");

        assertThat(JsonPath.<List<?>>read(orders.body(), "$.data.orders.nodes")).hasSize(1);
    }

    @Test
    void aTokenNamingAConfiguredClientGetsItsPartnerLimitsAndAtMostItsScopes() throws Exception {
        // test-partner is configured with catalog:read and inventory:subscribe, limited to MUG-* in warehouses
        String token = token(FIRST, claims -> claims.subject("test-partner").claim("scope", "catalog:read orders:read"));

        HttpResponse<String> products = query(token, "{ products(skus: [\"TEE-1\", \"MUG-1\"]) { sku } }");
        HttpResponse<String> orders = query(token, "{ orders(first: 1) { nodes { id } } }");

        assertThat(JsonPath.<List<String>>read(products.body(), "$.data.products[*].sku")).containsExactly("MUG-1");
        assertThat(JsonPath.<String>read(orders.body(), "$.errors[0].extensions.code")).as("the IdP cannot grant more").isEqualTo("FORBIDDEN");
    }

    static String unsigned() {
        return new PlainJWT(claims("support-agent-7").claim("scope", "admin").build()).serialize();
    }

    @Test
    void everyKindOfBadTokenIsA401WithoutAnUpstreamCallAndWithoutTheTokenInTheLog(CapturedOutput output) throws Exception {
        RSAKey stranger = key("key-1"); // the right key id, the wrong key
        Instant now = Instant.now();
        List<List<String>> cases = List.of(
                List.of("expired", token(FIRST, claims -> claims.issueTime(Date.from(now.minusSeconds(1200)))
                        .notBeforeTime(Date.from(now.minusSeconds(1200))).expirationTime(Date.from(now.minusSeconds(600)))), "expired"),
                List.of("not yet valid", token(FIRST, claims -> claims.notBeforeTime(Date.from(now.plusSeconds(600)))), "used before"),
                List.of("wrong audience", token(FIRST, claims -> claims.audience("someone-else")), "aud"),
                List.of("wrong issuer", token(FIRST, claims -> claims.issuer("https://evil.example.test/")), "iss"),
                List.of("alg none", unsigned(), "JWT was refused"),
                List.of("wrongly signed", token(stranger, claims -> claims.claim("scope", "admin")), "JWT was refused"),
                List.of("not a JWT at all", "abc.def.ghi", "JWT was refused"),
                List.of("no subject", token(FIRST, claims -> claims.subject(null)), "'sub' claim"));
        for (List<String> bad : cases) {
            HttpResponse<String> response = query(bad.get(1), "{ products(skus: [\"MUG-1\"]) { sku } }");

            assertThat(response.statusCode()).as(bad.getFirst()).isEqualTo(401);
            assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
            assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message")).as(bad.getFirst()).contains(bad.get(2));
            assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_token");
            assertThat(output.getAll()).doesNotContain(bad.get(1));
        }
        assertThat(FakeWorld.totalReaderCalls()).isZero();
    }

    @Test
    void aKeyTheIdpRotatesInIsAcceptedWithoutARestart() throws Exception {
        RSAKey rotated = key("key-rotated-" + System.nanoTime());
        String token = token(rotated, claims -> claims.claim("scope", "catalog:read"));
        assertThat(query(token, "{ products(skus: [\"MUG-1\"]) { sku } }").statusCode()).as("not published yet").isEqualTo(401);

        PUBLISHED.add(rotated);
        int fetches = JWKS_FETCHES.get();
        // an unknown key id may make the gateway read the JWKS at most once a second (omnigate.security.jwt.unknown-key-interval)
        HttpResponse<String> response = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> query(token, "{ products(skus: [\"MUG-1\"]) { sku } }"), answer -> answer.statusCode() == 200);

        assertThat(JsonPath.<String>read(response.body(), "$.data.products[0].sku")).isEqualTo("MUG-1");
        assertThat(JWKS_FETCHES.get()).as("the JWKS was read again for the new key id").isGreaterThan(fetches);
        // the known key keeps working from the cache
        int cached = JWKS_FETCHES.get();
        assertThat(query(token(FIRST, claims -> claims.claim("scope", "catalog:read")), "{ products(skus: [\"MUG-1\"]) { sku } }")
                .statusCode()).isEqualTo(200);
        assertThat(JWKS_FETCHES.get()).isEqualTo(cached);
    }

    @Test
    void tokensWithMadeUpKeyIdsCannotMakeTheGatewayFetchTheJwksAtWill() throws Exception {
        RSAKey signer = key("made-up");
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tokens.add(token(new RSAKey.Builder(signer).keyID("invented-" + i + "-" + System.nanoTime()).build(), claims -> { }));
        }
        int before = JWKS_FETCHES.get();
        long started = System.nanoTime();
        for (String token : tokens) {
            assertThat(query(token, "{ __typename }").statusCode()).isEqualTo(401);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        // one read per omnigate.security.jwt.unknown-key-interval (1 s) at most, however many made-up key ids arrive
        assertThat(JWKS_FETCHES.get() - before).as("JWKS reads for 30 unknown key ids in " + seconds + " s")
                .isLessThanOrEqualTo((int) seconds + 1);
    }

    @Test
    void apiKeysStillWorkNextToJwts() throws Exception {
        HttpResponse<String> response = query(TestClients.CATALOG_KEY, "{ products(skus: [\"MUG-1\"]) { sku } }");

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
