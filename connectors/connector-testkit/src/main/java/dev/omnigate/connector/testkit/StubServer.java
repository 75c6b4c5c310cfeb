package dev.omnigate.connector.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static java.util.Objects.requireNonNull;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The kit's WireMock server as vendor stubs see it: register stubs, build answers from requests, and
 * read the request journal (the kit counts vendor calls with it).
 */
public final class StubServer {

    private final WireMockExtension wireMock;

    StubServer(WireMockExtension wireMock) {
        this.wireMock = requireNonNull(wireMock, "wireMock is null");
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return wireMock.baseUrl();
    }

    /** Registers a static stub. */
    public StubMapping stubFor(MappingBuilder mapping) {
        return wireMock.stubFor(mapping);
    }

    /**
     * Registers a stub whose answer {@code handler} builds from each matching request (for batch
     * lookups whose answer depends on the ids asked for). {@code handler} runs on WireMock's threads.
     */
    public StubMapping respond(MappingBuilder mapping, Function<Request, ResponseDefinitionBuilder> handler) {
        String id = UUID.randomUUID().toString();
        DynamicResponses.register(id, handler);
        return wireMock.stubFor(mapping.willReturn(aResponse()
                .withTransformers(DynamicResponses.NAME)
                .withTransformerParameter(DynamicResponses.HANDLER_PARAMETER, id)));
    }

    /** Every request received since the last reset, in arrival order. */
    public List<LoggedRequest> requests() {
        return wireMock.findAll(anyRequestedFor(anyUrl()));
    }

    public int requestCount() {
        return requests().size();
    }

    /** Removes every stub (the journal is kept). */
    public void resetStubs() {
        wireMock.resetMappings();
    }

    /** Clears the request journal (stubs are kept). */
    public void resetRequests() {
        wireMock.resetRequests();
    }

    /** Problems raised by dynamic stub handlers since the last reset. */
    public List<String> handlerFailures() {
        return DynamicResponses.failures();
    }

    void clearHandlerFailures() {
        DynamicResponses.clearFailures();
    }
}
