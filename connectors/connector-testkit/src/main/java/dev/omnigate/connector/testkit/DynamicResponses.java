package dev.omnigate.connector.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * WireMock extension that builds a stub's answer with Java code from the actual request, so one stub
 * can answer any batch of ids. Handlers are registered through {@link StubServer#respond}; a handler
 * that throws answers HTTP 500 and is recorded, and the kit fails the test on it (a broken stub must
 * not pass as a vendor outage).
 */
final class DynamicResponses implements ResponseDefinitionTransformerV2 {

    static final String NAME = "omnigate-contract-dynamic";
    static final String HANDLER_PARAMETER = "handler";

    private static final Map<String, Function<Request, ResponseDefinitionBuilder>> HANDLERS = new ConcurrentHashMap<>();
    private static final List<String> FAILURES = new CopyOnWriteArrayList<>();

    static void register(String id, Function<Request, ResponseDefinitionBuilder> handler) {
        HANDLERS.put(id, handler);
    }

    static void unregister(String id) {
        HANDLERS.remove(id);
    }

    static List<String> failures() {
        return List.copyOf(FAILURES);
    }

    static void clearFailures() {
        FAILURES.clear();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Parameters parameters = serveEvent.getTransformerParameters();
        String id = parameters == null ? null : parameters.getString(HANDLER_PARAMETER, null);
        Function<Request, ResponseDefinitionBuilder> handler = id == null ? null : HANDLERS.get(id);
        if (handler == null) {
            FAILURES.add("no dynamic stub handler registered under '" + id + "'");
            return ResponseDefinition.notConfigured();
        }
        try {
            return handler.apply(serveEvent.getRequest()).build();
        } catch (RuntimeException | AssertionError e) {
            FAILURES.add("stub handler failed for " + serveEvent.getRequest().getMethod() + " "
                    + serveEvent.getRequest().getUrl() + ": " + e);
            return ResponseDefinitionBuilder.responseDefinition().withStatus(500)
                    .withBody("contract kit: stub handler failed: " + e).build();
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
