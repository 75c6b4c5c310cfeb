package dev.omnigate.gateway.web;

import dev.omnigate.gateway.sandbox.SandboxClients;
import dev.omnigate.gateway.security.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves GraphiQL at {@code /graphiql} entirely from the jar, so it renders without internet: GraphiQL 2.4.7
 * and React 18.3.1 come from their webjars under {@code /webjars/**}, the page's script talks to
 * {@code /graphql} over HTTP and, for subscriptions, over graphql-transport-ws. The editor opens with Ava
 * Chen's customer-360 query. A bar above the editor picks the client: in the sandbox one of the demo keys (support by
 * default), otherwise the Headers tab's {@code Authorization} or {@code X-Api-Key}, sent on HTTP requests and in the
 * WebSocket's {@code connection_init}. On in the sandbox, off elsewhere unless {@code omnigate.graphiql.enabled=true}.
 * (DGS's own page loads its scripts from a CDN and is switched off.)
 */
@RestController
@ConditionalOnProperty(name = "omnigate.graphiql.enabled", havingValue = "true")
public class GraphiQlController {

    /** The query the editor shows until the user has typed one (GraphiQL then remembers theirs). */
    public static final String DEFAULT_QUERY = """
            # Ava Chen on every channel: one profile (Shopify, POS and helpdesk records), her orders on Shopify, in store,
            # on Amazon and on TikTok Shop (joined through her helpdesk user's relay addresses), her tickets, metrics.
            # Press the run button (or Ctrl-Enter). Docs: the book icon on the left.
            query AvaCustomer360 {
              customer360(email: "  AVA.Chen@Example.com ") {
                id
                displayName
                emails
                phones
                identities {
                  source { channel account nativeId }
                  email
                  phone
                  matchedBy
                }
                metrics {
                  orderCount
                  lifetimeValue { amount currencyCode }
                  firstOrderAt
                  lastOrderAt
                  channels
                  repeatCustomer
                }
                tickets(first: 5) { nodes { subject status createdAt } }
                orders(first: 10) {
                  edges {
                    node {
                      id
                      name
                      source { channel }
                      createdAt
                      status
                      fulfillmentMethod
                      total { amount currencyCode }
                      lines {
                        sku
                        title
                        quantity
                        unitPrice { amount currencyCode }
                        product { availability { available } }
                      }
                    }
                  }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String page;

    public GraphiQlController(@Value("${dgs.graphql.path:/graphql}") String graphQlPath,
            @Value("${dgs.graphql.websocket.path:/graphql}") String webSocketPath, ObjectProvider<SandboxClients> demoClients) {
        String template = read("graphiql/index.html");
        List<Map<String, Object>> demo = new ArrayList<>();
        SandboxClients sandbox = demoClients.getIfAvailable();
        if (sandbox != null) {
            for (SandboxClients.DemoClient client : sandbox.demo()) {
                demo.add(Map.of("role", client.role(), "key", client.key(),
                        "scopes", client.definition().scopes().stream().map(Scope::value).sorted().toList()));
            }
        }
        this.page = template
                .replace("__GRAPHQL_PATH__", JSON.writeValueAsString(graphQlPath))
                .replace("__WEBSOCKET_PATH__", JSON.writeValueAsString(webSocketPath))
                .replace("__DEMO_CLIENTS__", JSON.writeValueAsString(demo).replace("</", "<\\/"))
                .replace("__DEFAULT_QUERY__", JSON.writeValueAsString(DEFAULT_QUERY).replace("</", "<\\/"));
    }

    @GetMapping(path = "/graphiql", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> graphiql() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(page);
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the GraphiQL page " + path + " is missing from the jar", e);
        }
    }
}
