package dev.omnigate.connector.testkit.example;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorContext;
import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.connector.api.config.Secret;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.http.HttpCalls;
import dev.omnigate.connector.toolkit.http.HttpClients;
import dev.omnigate.connector.toolkit.http.VendorResponse;
import dev.omnigate.connector.toolkit.json.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/** The example connector (see {@link ExampleConnectorFactory}). */
final class ExampleConnector implements Connector, CustomerReader {

    private final HttpUrl baseUrl;
    private final OkHttpClient client;
    private final SourceRefs refs;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ConnectorContext context;

    ExampleConnector(URI baseUrl, Secret token, ConnectorContext context) {
        this.baseUrl = HttpUrl.get(baseUrl.toString());
        this.context = context;
        this.client = HttpClients.forAccount(context)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Authorization", "Bearer " + token.reveal()).build()))
                .build();
        this.refs = new SourceRefs(Channel.HELPDESK, "example-rest", context.accountId());
    }

    @Override
    public Optional<CustomerReader> customers() {
        return Optional.of(this);
    }

    @Override
    public int maxBatchSize() {
        return 3;
    }

    @Override
    public Map<String, Customer> getByIds(CallContext callContext, Set<String> ids) {
        JsonNode body = get(callContext, "customers.byIds",
                baseUrl.newBuilder().addPathSegment("customers").addQueryParameter("ids", String.join(",", ids)).build());
        Map<String, Customer> found = new LinkedHashMap<>();
        for (JsonNode item : body.path("customers")) {
            Customer customer = map(item);
            found.put(customer.source().nativeId(), customer);
        }
        return found;
    }

    @Override
    public Page<Customer> search(CallContext callContext, CustomerQuery query, PageRequest page) {
        if (query.email() == null) {
            throw ConnectorException.of(ErrorCategory.UNSUPPORTED, "example-rest searches by email only");
        }
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegments("customers/search")
                .addQueryParameter("email", query.email()).addQueryParameter("limit", String.valueOf(page.size()));
        if (page.cursor() != null) {
            url.addQueryParameter("cursor", page.cursor());
        }
        JsonNode body = get(callContext, "customers.search", url.build());
        List<Customer> items = new ArrayList<>();
        body.path("customers").forEach(item -> items.add(map(item)));
        return new Page<>(items, Json.text(body.get("next_cursor")));
    }

    private Customer map(JsonNode item) {
        String email = Json.text(item.get("email"));
        return new Customer(refs.of(Json.text(item.get("id"))), Json.text(item.get("name")), null, null,
                email == null ? List.of() : List.of(EmailAddress.personal(email)), List.of(), null, null, null);
    }

    private JsonNode get(CallContext callContext, String operation, HttpUrl url) {
        if (closed.get()) {
            throw ConnectorException.of(ErrorCategory.UNAVAILABLE, "example-rest " + operation + ": connector is closed");
        }
        VendorResponse response = HttpCalls.execute(client, new Request.Builder().url(url).build(), callContext,
                "example-rest " + operation);
        if (!response.isSuccessful()) {
            throw response.failure(null, null, null, context.clock());
        }
        return Json.parse(response);
    }

    @Override
    public HealthReport checkHealth(CallContext callContext) {
        try {
            get(callContext, "health", baseUrl.newBuilder().addPathSegment("health").build());
            return HealthReport.up("example API answered");
        } catch (ConnectorException e) {
            return HealthReport.down("example API check failed: " + e.category() + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
