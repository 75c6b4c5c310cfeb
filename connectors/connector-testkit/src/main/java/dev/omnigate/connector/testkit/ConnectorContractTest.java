package dev.omnigate.connector.testkit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorDescriptor;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.connector.api.HealthStatus;
import dev.omnigate.connector.api.change.ChangeBatch;
import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangePoller;
import dev.omnigate.connector.api.change.WebhookHandler;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.config.ConfigKey;
import dev.omnigate.connector.api.config.ConfigProblem;
import dev.omnigate.connector.api.config.ConfigSpec;
import dev.omnigate.connector.api.config.ConfigValidation;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.read.BatchReader;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.api.read.PriceReader;
import dev.omnigate.connector.api.read.TicketReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connector contract: the same tests for every vendor connector, run against the vendor's own
 * WireMock stubs (Trino's {@code BaseConnectorTest} and Airbyte's acceptance tests in one).
 *
 * <p>A vendor module has exactly one subclass, named {@code <Vendor>ConnectorContractTest}, supplying
 * {@link #factory()}, {@link #validConfig(String)}, {@link #fixtures()} and {@link #stubs()}. Adding a
 * vendor means writing fixtures and stubs, not tests: every group below runs for every connector, and
 * a capability the connector does not declare turns its group into "the accessor is empty" checks,
 * never into a skip. See the module README for a walk-through.
 *
 * <p>Before each test the WireMock server is reset, {@link VendorStubs#registerHappyPath} is called
 * and a fresh connector is created against the server; after each test it is closed, and every request
 * the server received is checked for {@link VendorStubs#requiredRequestHeaders()}.
 */
public abstract class ConnectorContractTest {

    /** One WireMock server per contract test class, on loopback, with the kit's dynamic responder. */
    @RegisterExtension
    protected static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new DynamicResponses()))
            .build();

    /** Names the kit adds to a valid configuration to check unknown-key reporting. */
    static final String UNKNOWN_KEY = "contract-kit-unknown-key";

    private static final int MAX_SEARCH_PAGES = 50;

    protected StubServer server;
    protected ConnectorDescriptor descriptor;
    protected ContractFixtures fixtures;
    protected VendorStubs stubs;
    /** The connector under test, created before each test against the stub server. */
    protected Connector connector;

    /** A new instance of the connector's factory (the kit also finds it through ServiceLoader). */
    protected abstract ConnectorFactory factory();

    /**
     * A raw configuration that validates and points the connector at {@code baseUrl} (the WireMock
     * server, or a closed port for the health check). Secret values in it must be distinctive strings:
     * the kit searches for them in messages.
     */
    protected abstract Map<String, Object> validConfig(String baseUrl);

    /** The data the stubs serve and the records the connector must return. */
    protected abstract ContractFixtures fixtures();

    /** How this vendor's API looks on the wire. */
    protected abstract VendorStubs stubs();

    /** Deadline of ordinary calls. */
    protected Duration callTimeout() {
        return Duration.ofSeconds(10);
    }

    /** The account id handed to the connector. */
    protected String accountId() {
        return "contract-test";
    }

    @BeforeEach
    void startContract() {
        server = new StubServer(WIREMOCK);
        server.clearHandlerFailures();
        descriptor = factory().descriptor();
        fixtures = fixtures();
        stubs = stubs();
        stubs.registerHappyPath(server);
        connector = create(server.baseUrl());
    }

    @AfterEach
    void finishContract() {
        if (connector != null) {
            connector.close();
        }
        assertThat(server.handlerFailures()).as("failures inside dynamic stub handlers").isEmpty();
        assertRequiredHeadersOnEveryRequest();
    }

    /** A connector built from {@link #validConfig(String)} for {@code baseUrl}. */
    protected Connector create(String baseUrl) {
        ConnectorConfig config = descriptor.configSpec().validate(validConfig(baseUrl)).orElseThrow();
        return factory().create(config, TestConnectorContext.of(accountId()));
    }

    /** A context for one ordinary call. */
    protected CallContext call() {
        return CallContext.withTimeout(accountId(), callTimeout());
    }

    protected boolean declared(Capability capability) {
        return descriptor.supports(capability);
    }

    /** A context for one call against a failure stub: {@code SLOW} gets a deadline shorter than its delay. */
    private CallContext callAgainst(VendorFailure failure) {
        return failure == VendorFailure.SLOW ? CallContext.withTimeout(accountId(), VendorFailure.SLOW_CALL_TIMEOUT) : call();
    }

    /** The reader operations whose capability is declared ({@code HEALTH} excluded). */
    private List<ContractOperation> declaredOperations() {
        return Arrays.stream(ContractOperation.values())
                .filter(operation -> operation.capability().map(this::declared).orElse(false))
                .toList();
    }

    /** Every secret value of the valid configuration, as configured. */
    protected List<String> secretValues() {
        Map<String, Object> raw = validConfig(server.baseUrl());
        List<String> secrets = new ArrayList<>();
        for (ConfigKey key : descriptor.configSpec().keys()) {
            Object value = raw.get(key.name());
            if (key.isSecret() && value != null && !value.toString().isBlank()) {
                secrets.add(value.toString());
            }
        }
        return secrets;
    }

    private void assertRequiredHeadersOnEveryRequest() {
        Map<String, String> required = stubs.requiredRequestHeaders();
        for (LoggedRequest request : server.requests()) {
            required.forEach((name, value) -> {
                assertThat(request.containsHeader(name))
                        .as("request %s %s carries header %s", request.getMethod(), request.getUrl(), name).isTrue();
                if (value != null) {
                    assertThat(request.getHeader(name)).as("value of header %s", name).isEqualTo(value);
                }
            });
        }
    }

    private void assertNoSecretsIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            for (String secret : secretValues()) {
                assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass().getSimpleName())
                        .doesNotContain(secret);
                assertThat(t.toString()).doesNotContain(secret);
            }
        }
    }

    private void assertNoSecretsIn(String text) {
        for (String secret : secretValues()) {
            assertThat(text).doesNotContain(secret);
        }
    }

    private <T> T part(Optional<T> fixture, Capability capability) {
        return fixture.orElseThrow(() -> new AssertionError(capability
                + " is declared: add its part to the contract fixtures (ContractFixtures.builder()...)"));
    }

    private static <T> T require(Optional<T> accessor, Capability capability) {
        return accessor.orElseThrow(() -> new AssertionError(capability + " is declared but its accessor is empty"));
    }

    /** Existing ids first, then missing ones, topped up with synthetic missing ids to 2B+1 ids. */
    private static List<String> batchOf(Set<String> existing, Set<String> missing, IntFunction<String> synthetic, int maxBatch) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(existing);
        ids.addAll(missing);
        int wanted = Math.max(2 * maxBatch + 1, ids.size());
        for (int n = 0; ids.size() < wanted; n++) {
            ids.add(synthetic.apply(n));
            if (n > wanted * 10) {
                throw new AssertionError("syntheticMissingId keeps returning ids already used");
            }
        }
        return List.copyOf(ids);
    }

    /**
     * Calls {@code lookup} the way the host's data loaders do (chunks of at most {@code maxBatch}) and
     * asserts that every chunk cost one vendor call (at most {@link VendorStubs#maxCallsPerBatch} where the vendor
     * needs a lookup first) and that exactly {@code existing} came back.
     */
    private <R> void assertOneCallPerBatch(ContractOperation operation, List<String> ids, int maxBatch, Set<String> existing,
            BiFunction<CallContext, Set<String>, Map<String, R>> lookup) {
        int callsPerBatch = stubs.maxCallsPerBatch(operation);
        assertThat(callsPerBatch).as("maxCallsPerBatch(%s)", operation).isBetween(1, 3);
        server.resetRequests();
        Map<String, R> found = new HashMap<>();
        int chunks = 0;
        for (int from = 0; from < ids.size(); from += maxBatch) {
            found.putAll(lookup.apply(call(), new LinkedHashSet<>(ids.subList(from, Math.min(ids.size(), from + maxBatch)))));
            chunks++;
        }
        assertThat(chunks).isEqualTo((ids.size() + maxBatch - 1) / maxBatch);
        if (callsPerBatch == 1) {
            assertThat(server.requestCount())
                    .as("%d ids with maxBatchSize %d must cost exactly ceil(N/B) = %d vendor calls", ids.size(), maxBatch, chunks)
                    .isEqualTo(chunks);
        } else {
            assertThat(server.requestCount())
                    .as("%d ids with maxBatchSize %d must cost between ceil(N/B) = %d and %d vendor calls", ids.size(), maxBatch,
                            chunks, chunks * callsPerBatch)
                    .isBetween(chunks, chunks * callsPerBatch);
        }
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(existing);
    }

    /** Follows cursors through a whole search and checks ids, order, records and that ≥ 2 pages were read. */
    private <Q, T> void assertSearch(SearchCase<Q> search, BiFunction<Q, PageRequest, Page<T>> searchCall,
            Function<T, SourceRef> source, Map<String, T> expected) {
        List<String> ids = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        PageRequest request = PageRequest.first(search.pageSize());
        int pages = 0;
        while (true) {
            Page<T> page = searchCall.apply(search.query(), request);
            pages++;
            assertThat(page.items().size()).as("page %d of '%s' respects the page size", pages, search.description())
                    .isLessThanOrEqualTo(search.pageSize());
            for (T item : page.items()) {
                String id = source.apply(item).nativeId();
                ids.add(id);
                if (expected.containsKey(id)) {
                    assertThat(item).as("record %s found by '%s'", id, search.description()).isEqualTo(expected.get(id));
                }
            }
            if (!page.hasNext()) {
                break;
            }
            assertThat(cursors.add(page.nextCursor())).as("cursor repeated in '%s'", search.description()).isTrue();
            assertThat(pages).as("pages of '%s'", search.description()).isLessThan(MAX_SEARCH_PAGES);
            request = request.next(page.nextCursor());
        }
        assertThat(pages).as("'%s' must be read across at least two pages", search.description()).isGreaterThanOrEqualTo(2);
        assertThat(ids).as("ids found by '%s', in order", search.description()).containsExactlyElementsOf(search.expectedIds());
    }

    private static void assertRecords(Map<String, ?> found, Map<String, ?> expected) {
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, record) -> assertThat(found.get(id)).as("record %s", id).isEqualTo(record));
    }

    private static <T> void assertRecordsBySku(Map<String, List<T>> found, Map<String, List<T>> expected) {
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((sku, records) -> assertThat(found.get(sku)).as("records of SKU %s", sku)
                .containsExactlyInAnyOrderElementsOf(records));
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        LinkedHashSet<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Discovery")
    public class Discovery {

        @Test
        void factoryIsFoundThroughServiceLoaderExactlyOnce() {
            assertThat(CapabilityChecks.serviceLoaderProblems(factory().getClass(), descriptor.id(),
                    Thread.currentThread().getContextClassLoader())).isEmpty();
        }

        @Test
        void descriptorHasAValidIdAndACompatibleSpiVersion() {
            assertThat(CapabilityChecks.descriptorProblems(descriptor)).isEmpty();
        }

        @Test
        void descriptorIsStable() {
            ConnectorFactory factory = factory();
            assertThat(factory.descriptor()).isEqualTo(factory.descriptor());
        }

        @Test
        void declaredCapabilitiesMatchTheAccessors() {
            assertThat(CapabilityChecks.accessorProblems(descriptor, connector)).isEmpty();
        }

        @Test
        void ordersByCustomerIsRefusedInTheStandardWayUnlessDeclared() {
            if (declared(Capability.ORDERS_BY_CUSTOMER)) {
                assertThat(declared(Capability.ORDERS_READ)).as("ORDERS_BY_CUSTOMER needs ORDERS_READ").isTrue();
                return;
            }
            if (connector.orders().isEmpty()) {
                assertThat(declared(Capability.ORDERS_READ)).isFalse();
                return;
            }
            Throwable thrown = catchThrowable(() -> connector.orders().orElseThrow().getByCustomerIds(call(), Set.of("any-customer")));
            assertThat(thrown).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.category()).isEqualTo(dev.omnigate.connector.api.error.ErrorCategory.UNSUPPORTED);
                assertThat(e.getMessage()).isEqualTo(ConnectorException.unsupportedMessage(Capability.ORDERS_BY_CUSTOMER));
            });
        }

        @Test
        void contractTestFollowsTheNamingConvention() {
            assertThat(CapabilityChecks.namingProblems(ConnectorContractTest.this.getClass())).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Config")
    public class Config {

        private ConfigSpec spec() {
            return descriptor.configSpec();
        }

        @Test
        void everyKeyIsDocumented() {
            assertThat(ConfigChecks.undocumentedKeys(spec())).as("keys without doc").isEmpty();
        }

        @Test
        void secretLookingKeysAreFlaggedSecret() {
            assertThat(ConfigChecks.unflaggedSecretLookingKeys(spec())).as("keys that look secret but are not flagged").isEmpty();
        }

        @Test
        void theVendorsValidConfigValidates() {
            ConfigValidation validation = spec().validate(validConfig(server.baseUrl()));
            assertThat(validation.problems()).isEmpty();
            assertThat(validation.config()).isPresent();
        }

        @Test
        void defaultsValidateWhenOnlyRequiredKeysAreGiven() {
            Map<String, Object> requiredOnly = new HashMap<>();
            Map<String, Object> valid = validConfig(server.baseUrl());
            spec().keys().stream().filter(ConfigKey::isRequired)
                    .forEach(key -> requiredOnly.put(key.name(), valid.get(key.name())));
            // keys the vendor must override for the stub server (e.g. a base URL) stay as given
            valid.forEach((name, value) -> spec().key(name).filter(key -> key.defaultValue() == null)
                    .ifPresent(key -> requiredOnly.putIfAbsent(name, value)));
            assertThat(spec().validate(requiredOnly).problems()).isEmpty();
        }

        @Test
        void unknownAndMissingRequiredKeysAreReportedTogether() {
            List<ConfigKey> required = spec().keys().stream().filter(ConfigKey::isRequired).toList();
            List<Map<String, Object>> broken = new ArrayList<>();
            if (required.isEmpty()) {
                Map<String, Object> raw = new LinkedHashMap<>(validConfig(server.baseUrl()));
                raw.put(UNKNOWN_KEY, "x");
                broken.add(raw);
            }
            for (ConfigKey key : required) {
                Map<String, Object> raw = new LinkedHashMap<>(validConfig(server.baseUrl()));
                raw.remove(key.name());
                raw.put(UNKNOWN_KEY, "x");
                List<String> problemKeys = spec().validate(raw).problems().stream().map(ConfigProblem::key).toList();
                assertThat(problemKeys).as("problems without '%s' plus an unknown key", key.name())
                        .contains(key.name(), UNKNOWN_KEY);
            }
            for (Map<String, Object> raw : broken) {
                assertThat(spec().validate(raw).problems()).extracting(ConfigProblem::key).contains(UNKNOWN_KEY);
            }
        }

        @Test
        void secretValuesNeverAppearInProblemsOrToString() {
            ConnectorConfig config = spec().validate(validConfig(server.baseUrl())).orElseThrow();
            assertNoSecretsIn(config.toString());
            Map<String, Object> raw = new LinkedHashMap<>(validConfig(server.baseUrl()));
            raw.put(UNKNOWN_KEY, "x");
            spec().keys().stream().filter(key -> key.isRequired() && !key.isSecret()).forEach(key -> raw.remove(key.name()));
            ConfigValidation validation = spec().validate(raw);
            assertThat(validation.isValid()).isFalse();
            assertNoSecretsIn(validation.problems().toString());
            // a secret with a value its validators may reject must still not be echoed
            for (ConfigKey key : spec().keys()) {
                if (key.isSecret()) {
                    Map<String, Object> bad = new LinkedHashMap<>(validConfig(server.baseUrl()));
                    String secret = String.valueOf(bad.get(key.name()));
                    bad.put(key.name(), secret + " \u0000 not-valid");
                    assertThat(spec().validate(bad).problems().toString()).doesNotContain(secret);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Lifecycle")
    public class Lifecycle {

        @Test
        void createMakesNoHttpCall() {
            server.resetRequests();
            Connector fresh = create(server.baseUrl());
            CapabilityChecks.ACCESSORS.values().forEach(accessor -> accessor.apply(fresh));
            assertThat(server.requestCount()).as("vendor calls made by create() and the accessors").isZero();
            fresh.close();
        }

        @Test
        void closingTwiceIsHarmless() {
            Connector fresh = create(server.baseUrl());
            assertThatCode(() -> {
                fresh.close();
                fresh.close();
            }).doesNotThrowAnyException();
        }

        @Test
        void callsAfterCloseFailAsUnavailableWithoutVendorCalls() {
            Connector closed = create(server.baseUrl());
            closed.close();
            server.resetRequests();
            for (ContractOperation operation : declaredOperations()) {
                Throwable thrown = catchThrowable(() -> Invocations.invoke(closed, operation, fixtures, call()));
                assertThat(thrown).as("%s after close", operation).isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.category()).as("category of %s after close", operation)
                                .isEqualTo(dev.omnigate.connector.api.error.ErrorCategory.UNAVAILABLE));
            }
            assertThat(server.requestCount()).as("vendor calls after close").isZero();
        }

        @Test
        void healthAfterCloseIsDownWithoutThrowing() {
            Connector closed = create(server.baseUrl());
            closed.close();
            HealthReport report = closed.checkHealth(call());
            assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(report.message()).isNotBlank();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Reader groups. One abstract group per shape (JUnit runs the @Test methods a @Nested class
    // inherits); each @Nested group below names its capability, accessor, reader calls and fixture part.

    /** A reader call by key: ids or SKUs to records (or to lists of records). */
    @FunctionalInterface
    interface BatchCall<R, V> {
        Map<String, V> apply(R reader, CallContext context, Set<String> keys);
    }

    /** A reader's search call. */
    @FunctionalInterface
    interface SearchCall<R, Q, T> {
        Page<T> apply(R reader, CallContext context, Q query, PageRequest page);
    }

    /**
     * A fixture part seen as a keyed lookup.
     *
     * @param expected key (id or SKU) to what the reader must return for it
     * @param missing well-formed keys the stubs do not know
     * @param syntheticMissing makes the n-th extra missing key, for request-count checks
     */
    record Lookup<V>(Map<String, V> expected, Set<String> missing, IntFunction<String> syntheticMissing) {

        static Lookup<Customer> of(ContractFixtures.Customers part) {
            return new Lookup<>(part.expected(), part.missingIds(), part.syntheticMissingId());
        }

        static Lookup<Order> of(ContractFixtures.Orders part) {
            return new Lookup<>(part.expected(), part.missingIds(), part.syntheticMissingId());
        }

        static Lookup<Ticket> of(ContractFixtures.Tickets part) {
            return new Lookup<>(part.expected(), part.missingIds(), part.syntheticMissingId());
        }

        static <T> Lookup<List<T>> of(ContractFixtures.BySku<T> part) {
            return new Lookup<>(part.expected(), part.missingSkus(), part.syntheticMissingSku());
        }
    }

    /**
     * What every reader group shares: the accessor is present exactly when the capability is declared,
     * and an undeclared capability is not skipped: each test then asserts that the accessor is empty.
     *
     * @param <R> the reader
     * @param <F> the fixture part the group's tests read
     */
    abstract class ReaderGroup<R, F> {

        final Capability capability;
        private final Function<Connector, Optional<R>> accessor;
        private final Function<ContractFixtures, Optional<F>> fixturePart;

        ReaderGroup(Capability capability, Function<Connector, Optional<R>> accessor,
                Function<ContractFixtures, Optional<F>> fixturePart) {
            this.capability = capability;
            this.accessor = accessor;
            this.fixturePart = fixturePart;
        }

        R reader() {
            return require(accessor.apply(connector), capability);
        }

        F data() {
            return part(fixturePart.apply(fixtures), capability);
        }

        /** True, after asserting that the accessor is empty, when the capability is undeclared: the test ends there. */
        boolean undeclaredIsRefused() {
            if (declared(capability)) {
                return false;
            }
            assertThat(accessor.apply(connector)).as("%s is not declared", capability).isEmpty();
            return true;
        }

        @Test
        void accessorMatchesTheDeclaration() {
            assertThat(accessor.apply(connector).isPresent()).isEqualTo(declared(capability));
        }
    }

    /**
     * A batch lookup by key (customers, orders, tickets by id; inventory, prices by SKU): exact records,
     * missing keys absent, partial batches, and one vendor call per batch of {@code maxBatchSize} keys.
     */
    abstract class LookupGroup<R extends BatchReader, V> extends ReaderGroup<R, Lookup<V>> {

        private final BatchCall<R, V> lookup;
        private final BiConsumer<Map<String, V>, Map<String, V>> assertRecords;

        LookupGroup(Capability capability, Function<Connector, Optional<R>> accessor,
                Function<ContractFixtures, Optional<Lookup<V>>> fixturePart, BatchCall<R, V> lookup,
                BiConsumer<Map<String, V>, Map<String, V>> assertRecords) {
            super(capability, accessor, fixturePart);
            this.lookup = lookup;
            this.assertRecords = assertRecords;
        }

        Map<String, V> lookup(CallContext context, Set<String> keys) {
            return lookup.apply(reader(), context, keys);
        }

        /** The lookup operation of this group's capability, as {@link VendorStubs} names it. */
        ContractOperation byIdsOperation() {
            return switch (capability) {
                case CUSTOMERS_READ -> ContractOperation.CUSTOMERS_BY_IDS;
                case ORDERS_READ -> ContractOperation.ORDERS_BY_IDS;
                case INVENTORY_READ -> ContractOperation.INVENTORY_BY_SKUS;
                case PRICES_READ -> ContractOperation.PRICES_BY_SKUS;
                case TICKETS_READ -> ContractOperation.TICKETS_BY_IDS;
                default -> throw new IllegalStateException("no lookup operation for " + capability);
            };
        }

        @Test
        void batchLookupReturnsTheExpectedRecords() {
            if (undeclaredIsRefused()) {
                return;
            }
            assertRecords.accept(lookup(call(), data().expected().keySet()), data().expected());
        }

        @Test
        void missingKeysAreAbsentNotErrors() {
            if (undeclaredIsRefused()) {
                return;
            }
            assertThat(lookup(call(), data().missing())).isEmpty();
        }

        @Test
        void partialBatchReturnsOnlyTheExistingRecords() {
            if (undeclaredIsRefused()) {
                return;
            }
            assertRecords.accept(lookup(call(), union(data().expected().keySet(), data().missing())), data().expected());
        }

        @Test
        void eachBatchCostsOneVendorCall() {
            if (undeclaredIsRefused()) {
                return;
            }
            int maxBatch = reader().maxBatchSize();
            List<String> keys = batchOf(data().expected().keySet(), data().missing(), data().syntheticMissing(), maxBatch);
            assertOneCallPerBatch(byIdsOperation(), keys, maxBatch, data().expected().keySet(), this::lookup);
        }
    }

    /** A lookup by id whose reader also searches: every search case is followed across its pages. */
    abstract class SearchableLookupGroup<R extends BatchReader, T, Q> extends LookupGroup<R, T> {

        private final Function<ContractFixtures, Optional<List<SearchCase<Q>>>> searches;
        private final SearchCall<R, Q, T> search;
        private final Function<T, SourceRef> source;

        SearchableLookupGroup(Capability capability, Function<Connector, Optional<R>> accessor,
                Function<ContractFixtures, Optional<Lookup<T>>> fixturePart, BatchCall<R, T> lookup,
                Function<ContractFixtures, Optional<List<SearchCase<Q>>>> searches, SearchCall<R, Q, T> search,
                Function<T, SourceRef> source) {
            super(capability, accessor, fixturePart, lookup, ConnectorContractTest::assertRecords);
            this.searches = searches;
            this.search = search;
            this.source = source;
        }

        @Test
        void searchesFollowCursorsAcrossPages() {
            if (undeclaredIsRefused()) {
                return;
            }
            List<SearchCase<Q>> cases = part(searches.apply(fixtures), capability);
            assertThat(cases).as("search cases of %s", capability).isNotEmpty();
            for (SearchCase<Q> searchCase : cases) {
                assertSearch(searchCase, (query, page) -> search.apply(reader(), call(), query, page), source, data().expected());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Customers")
    public class Customers extends SearchableLookupGroup<CustomerReader, Customer, CustomerQuery> {
        public Customers() {
            super(Capability.CUSTOMERS_READ, Connector::customers, all -> all.customers().map(Lookup::of),
                    CustomerReader::getByIds, all -> all.customers().map(ContractFixtures.Customers::searches),
                    CustomerReader::search, Customer::source);
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Orders")
    public class Orders extends SearchableLookupGroup<OrderReader, Order, OrderQuery> {
        public Orders() {
            super(Capability.ORDERS_READ, Connector::orders, all -> all.orders().map(Lookup::of),
                    OrderReader::getByIds, all -> all.orders().map(ContractFixtures.Orders::searches),
                    OrderReader::search, Order::source);
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Orders by customer")
    public class OrdersByCustomer {

        private OrderReader reader() {
            return require(connector.orders(), Capability.ORDERS_READ);
        }

        private ContractFixtures.Orders data() {
            return part(fixtures.orders(), Capability.ORDERS_BY_CUSTOMER);
        }

        private boolean undeclaredIsRefused() {
            if (declared(Capability.ORDERS_BY_CUSTOMER)) {
                assertThat(data().ordersByCustomer()).as("ordersByCustomer fixtures").isNotEmpty();
                return false;
            }
            connector.orders().ifPresent(orders -> assertThat(CapabilityChecks.standardRefusalProblems(orders)).isEmpty());
            return true;
        }

        @Test
        void returnsEveryCustomersOrdersNewestFirst() {
            if (undeclaredIsRefused()) {
                return;
            }
            Map<String, List<Order>> found = reader().getByCustomerIds(call(), data().ordersByCustomer().keySet());
            assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(data().ordersByCustomer().keySet());
            data().ordersByCustomer().forEach((customer, orderIds) -> {
                List<Order> orders = found.get(customer);
                assertThat(orders).extracting(order -> order.source().nativeId()).as("orders of customer %s", customer)
                        .containsExactlyElementsOf(orderIds);
                orders.stream().filter(order -> data().expected().containsKey(order.source().nativeId()))
                        .forEach(order -> assertThat(order).isEqualTo(data().expected().get(order.source().nativeId())));
            });
        }

        @Test
        void unknownCustomersAreAbsentNotErrors() {
            if (undeclaredIsRefused()) {
                return;
            }
            assertThat(reader().getByCustomerIds(call(), data().missingCustomerIds())).isEmpty();
        }

        @Test
        void partialBatchReturnsOnlyKnownCustomers() {
            if (undeclaredIsRefused()) {
                return;
            }
            Map<String, List<Order>> found = reader().getByCustomerIds(call(),
                    union(data().ordersByCustomer().keySet(), data().missingCustomerIds()));
            assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(data().ordersByCustomer().keySet());
        }

        @Test
        void eachBatchOfCustomersCostsOneVendorCall() {
            if (undeclaredIsRefused()) {
                return;
            }
            int maxBatch = reader().maxBatchSize();
            List<String> ids = batchOf(data().ordersByCustomer().keySet(), data().missingCustomerIds(),
                    data().syntheticMissingCustomerId(), maxBatch);
            assertOneCallPerBatch(ContractOperation.ORDERS_BY_CUSTOMER, ids, maxBatch, data().ordersByCustomer().keySet(),
                    (context, batch) -> reader().getByCustomerIds(context, batch));
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Inventory")
    public class Inventory extends LookupGroup<InventoryReader, List<InventoryLevel>> {
        public Inventory() {
            super(Capability.INVENTORY_READ, Connector::inventory, all -> all.inventory().map(Lookup::of),
                    InventoryReader::getBySkus, ConnectorContractTest::assertRecordsBySku);
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Prices")
    public class Prices extends LookupGroup<PriceReader, List<Price>> {
        public Prices() {
            super(Capability.PRICES_READ, Connector::prices, all -> all.prices().map(Lookup::of),
                    PriceReader::getBySkus, ConnectorContractTest::assertRecordsBySku);
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Locations")
    public class Locations extends ReaderGroup<LocationReader, ContractFixtures.Locations> {
        public Locations() {
            super(Capability.LOCATIONS_READ, Connector::locations, ContractFixtures::locations);
        }

        @Test
        void listAllReturnsTheExpectedLocations() {
            if (undeclaredIsRefused()) {
                return;
            }
            assertThat(reader().listAll(call())).containsExactlyInAnyOrderElementsOf(data().expected());
        }

        @Test
        void lookupByIdReturnsKnownAndOmitsMissingIds() {
            if (undeclaredIsRefused()) {
                return;
            }
            Map<String, Location> expected = new HashMap<>();
            data().expected().forEach(location -> expected.put(location.source().nativeId(), location));
            assertRecords(reader().getByIds(call(), union(expected.keySet(), data().missingIds())), expected);
            assertThat(reader().getByIds(call(), data().missingIds())).isEmpty();
        }

        @Test
        void lookupByIdCostsNoMoreVendorCallsThanListingAll() {
            if (undeclaredIsRefused()) {
                return;
            }
            server.resetRequests();
            reader().listAll(call());
            int listCalls = server.requestCount();
            server.resetRequests();
            Set<String> ids = new LinkedHashSet<>();
            data().expected().forEach(location -> ids.add(location.source().nativeId()));
            ids.addAll(data().missingIds());
            reader().getByIds(call(), ids);
            assertThat(server.requestCount()).as("calls for getByIds vs %d for listAll", listCalls).isLessThanOrEqualTo(listCalls);
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Tickets")
    public class Tickets extends LookupGroup<TicketReader, Ticket> {
        public Tickets() {
            super(Capability.TICKETS_READ, Connector::tickets, all -> all.tickets().map(Lookup::of),
                    TicketReader::getByIds, ConnectorContractTest::assertRecords);
        }

        @Test
        void ticketsByRequesterAreGroupedNewestFirst() {
            if (undeclaredIsRefused()) {
                return;
            }
            ContractFixtures.Tickets data = part(fixtures.tickets(), capability);
            Map<String, List<Ticket>> found = reader().getByRequesterIds(call(),
                    union(data.ticketsByRequester().keySet(), data.missingRequesterIds()));
            assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(data.ticketsByRequester().keySet());
            data.ticketsByRequester().forEach((requester, ids) -> assertThat(found.get(requester))
                    .extracting(ticket -> ticket.source().nativeId()).as("tickets of %s", requester).containsExactlyElementsOf(ids));
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Errors")
    public class Errors {

        @Test
        void theConnectorDeclaresAtLeastOneReadOperation() {
            assertThat(declaredOperations()).isNotEmpty();
        }

        @TestFactory
        Stream<DynamicTest> vendorFailuresMapToTheirCategories() {
            List<DynamicTest> tests = new ArrayList<>();
            for (ContractOperation operation : declaredOperations()) {
                for (VendorFailure failure : VendorFailure.values()) {
                    tests.add(DynamicTest.dynamicTest(operation + ": " + failure + " -> " + failure.expectedCategory(),
                            () -> assertFailureCategory(operation, failure)));
                }
            }
            return tests.stream();
        }

        private void assertFailureCategory(ContractOperation operation, VendorFailure failure) {
            server.resetStubs();
            server.resetRequests();
            stubs.registerFailure(server, operation, failure);
            CallContext context = callAgainst(failure);
            long started = System.nanoTime();
            Throwable thrown = catchThrowable(() -> Invocations.invoke(connector, operation, fixtures, context));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(thrown).as("%s against a %s stub", operation, failure).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.category()).as("category of %s against a %s stub (message: %s)", operation, failure, e.getMessage())
                        .isEqualTo(failure.expectedCategory());
                assertThat(e.getMessage()).as("message").isNotBlank();
                if (failure == VendorFailure.RATE_LIMITED) {
                    assertThat(e.retryAfter()).as("retryAfter").contains(stubs.expectedRetryAfter());
                }
            });
            assertNoSecretsIn(thrown);
            assertThat(server.requestCount()).as("the failure came from the vendor stub").isPositive();
            if (failure == VendorFailure.SLOW) {
                // loose bound: the call gave up near its deadline instead of waiting for the late answer
                assertThat(took).as("time until TIMEOUT").isLessThan(VendorFailure.SLOW_DELAY);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Changes")
    public class Changes {

        private static final List<byte[]> GARBAGE = List.of(
                new byte[0],
                "{".getBytes(StandardCharsets.UTF_8),
                "null".getBytes(StandardCharsets.UTF_8),
                "[]".getBytes(StandardCharsets.UTF_8),
                "{\"id\": {\"nested\": [1, 2, {}]}, \"updated_at\": 42}".getBytes(StandardCharsets.UTF_8),
                "\"just a string\"".getBytes(StandardCharsets.UTF_8),
                randomBytes(512));

        private static byte[] randomBytes(int size) {
            byte[] bytes = new byte[size];
            new Random(20261127L).nextBytes(bytes);
            return bytes;
        }

        private WebhookHandler handler() {
            return require(connector.webhooks(), Capability.CHANGES_WEBHOOK);
        }

        private WebhookFixtures data() {
            return part(fixtures.webhooks(), Capability.CHANGES_WEBHOOK);
        }

        private boolean webhooksUndeclared() {
            if (declared(Capability.CHANGES_WEBHOOK)) {
                assertThat(data().cases()).as("webhook cases").isNotEmpty();
                return false;
            }
            assertThat(connector.webhooks()).as("CHANGES_WEBHOOK is not declared").isEmpty();
            return true;
        }

        private static WebhookRequest withBody(WebhookRequest request, byte[] body) {
            return new WebhookRequest(request.url(), request.headers(), body, request.receivedAt());
        }

        private void assertUnverified(WebhookResult result, String what) {
            assertThat(result).as(what).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
                assertThat(rejected.reason()).as(what).isEqualTo(WebhookResult.Reason.UNVERIFIED);
                assertThat(rejected.message()).isNotBlank();
                assertNoSecretsIn(rejected.message());
            });
        }

        @Test
        void accessorsMatchTheDeclarations() {
            assertThat(connector.webhooks().isPresent()).isEqualTo(declared(Capability.CHANGES_WEBHOOK));
            assertThat(connector.changePoller().isPresent()).isEqualTo(declared(Capability.CHANGES_POLLING));
        }

        @Test
        void signedDeliveriesParseToTheExpectedEvents() {
            if (webhooksUndeclared()) {
                return;
            }
            for (WebhookFixtures.WebhookCase delivery : data().cases()) {
                WebhookResult result = handler().handle(delivery.request());
                assertThat(result).as("result of %s", delivery).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
                    assertThat(accepted.deliveryKey()).as("delivery key of %s", delivery).isEqualTo(delivery.expectedDeliveryKey());
                    assertThat(accepted.events()).as("events of %s", delivery).hasSameSizeAs(delivery.expectedEvents());
                    for (int i = 0; i < delivery.expectedEvents().size(); i++) {
                        ExpectedEvent expected = delivery.expectedEvents().get(i);
                        ChangeEvent actual = accepted.events().get(i);
                        assertThat(expected.matches(actual)).as("event %d of %s: expected %s but was %s", i, delivery, expected, actual)
                                .isTrue();
                        assertThat(actual.eventKey()).isNotBlank();
                    }
                });
            }
        }

        @Test
        void theSameDeliveryParsedTwiceYieldsTheSameEventKeys() {
            if (webhooksUndeclared()) {
                return;
            }
            for (WebhookFixtures.WebhookCase delivery : data().cases()) {
                List<String> first = ((WebhookResult.Accepted) handler().handle(delivery.request())).events().stream()
                        .map(ChangeEvent::eventKey).toList();
                List<String> second = ((WebhookResult.Accepted) handler().handle(delivery.request())).events().stream()
                        .map(ChangeEvent::eventKey).toList();
                assertThat(second).as("event keys of %s", delivery).isEqualTo(first);
            }
        }

        @Test
        void aForgedSignatureIsRejectedAsUnverified() {
            if (webhooksUndeclared()) {
                return;
            }
            for (WebhookFixtures.WebhookCase delivery : data().cases()) {
                assertUnverified(handler().handle(data().forge(delivery.request())), "forged " + delivery);
            }
        }

        @Test
        void aMissingSignatureIsRejectedAsUnverified() {
            if (webhooksUndeclared()) {
                return;
            }
            for (WebhookFixtures.WebhookCase delivery : data().cases()) {
                Map<String, List<String>> headers = new LinkedHashMap<>(delivery.request().headers());
                data().signatureHeaders().forEach(name -> headers.keySet().removeIf(header -> header.equalsIgnoreCase(name)));
                WebhookRequest unsigned = new WebhookRequest(delivery.request().url(), headers, delivery.request().body(),
                        delivery.request().receivedAt());
                assertUnverified(handler().handle(unsigned), "unsigned " + delivery);
            }
        }

        @Test
        void aTamperedBodyIsRejectedAsUnverified() {
            if (webhooksUndeclared()) {
                return;
            }
            for (WebhookFixtures.WebhookCase delivery : data().cases()) {
                byte[] body = delivery.request().body();
                byte[] padded = Arrays.copyOf(body, body.length + 1);
                padded[body.length] = ' '; // still valid JSON, different bytes
                assertUnverified(handler().handle(withBody(delivery.request(), padded)), "padded body of " + delivery);
                if (body.length > 0) {
                    byte[] flipped = body.clone();
                    flipped[body.length / 2] ^= 0x01;
                    assertUnverified(handler().handle(withBody(delivery.request(), flipped)), "flipped body of " + delivery);
                }
            }
        }

        @Test
        void garbageNeverThrows() {
            if (webhooksUndeclared()) {
                return;
            }
            WebhookRequest template = data().cases().get(0).request();
            WebhookRequest noHeaders = new WebhookRequest(template.url(), Map.of(), template.body(), template.receivedAt());
            assertUnverified(handler().handle(noHeaders), "request without headers");
            for (byte[] garbage : GARBAGE) {
                WebhookRequest unsigned = withBody(template, garbage);
                assertThatCode(() -> assertUnverified(handler().handle(unsigned), "garbage with the original signature"))
                        .doesNotThrowAnyException();
                WebhookRequest signed = data().resign(template, garbage);
                assertThatCode(() -> assertThat(handler().handle(signed)).isNotNull()).as("signed garbage").doesNotThrowAnyException();
            }
        }

        @Test
        void pollingFromNullReturnsACursorAndRepollingYieldsNoDuplicates() {
            if (!declared(Capability.CHANGES_POLLING)) {
                assertThat(connector.changePoller()).as("CHANGES_POLLING is not declared").isEmpty();
                return;
            }
            ChangePoller poller = require(connector.changePoller(), Capability.CHANGES_POLLING);
            assertThat(poller.suggestedInterval()).isPositive();
            ChangeBatch first = poller.poll(call(), null);
            assertThat(first.nextCursor()).as("cursor of the first poll").isNotBlank();
            ChangeBatch second = poller.poll(call(), first.nextCursor());
            ChangeBatch third = poller.poll(call(), second.nextCursor());
            Set<String> keys = new HashSet<>();
            for (ChangeBatch batch : List.of(first, second, third)) {
                for (ChangeEvent event : batch.events()) {
                    assertThat(keys.add(event.eventKey())).as("event %s seen twice", event.eventKey()).isTrue();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Health")
    public class Health {

        @Test
        void aHealthyVendorIsUp() {
            HealthReport report = connector.checkHealth(call());
            assertThat(report.status()).as("health against the happy-path stubs: %s", report.message()).isEqualTo(HealthStatus.UP);
            assertThat(server.requestCount()).as("a health check is at most one vendor call").isBetween(0, 1);
        }

        @Test
        void rejectedCredentialsAreDownWithAReadableMessage() {
            server.resetStubs();
            stubs.registerFailure(server, ContractOperation.HEALTH, VendorFailure.UNAUTHENTICATED);
            HealthReport report = connector.checkHealth(call());
            assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(report.message()).isNotBlank().hasSizeGreaterThan(10);
            assertNoSecretsIn(report.message());
            assertNoSecretsIn(report.details().toString());
        }

        @Test
        void anUnreachableVendorIsDown() {
            Connector unreachable = create("http://127.0.0.1:" + closedPort());
            try {
                HealthReport report = unreachable.checkHealth(call());
                assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
                assertThat(report.message()).isNotBlank();
            } finally {
                unreachable.close();
            }
        }

        @TestFactory
        Stream<DynamicTest> neverThrowsWhateverTheVendorDoes() {
            return Arrays.stream(VendorFailure.values()).map(failure -> DynamicTest.dynamicTest("health against " + failure, () -> {
                server.resetStubs();
                stubs.registerFailure(server, ContractOperation.HEALTH, failure);
                CallContext context = callAgainst(failure);
                HealthReport[] report = new HealthReport[1];
                assertThatCode(() -> report[0] = connector.checkHealth(context)).doesNotThrowAnyException();
                assertThat(report[0].status()).as("health against %s: %s", failure, report[0].message()).isNotEqualTo(HealthStatus.UP);
                assertNoSecretsIn(report[0].message());
            }));
        }

        @Test
        void anExpiredDeadlineIsReportedNotThrown() {
            CallContext expired = CallContext.withTimeout(accountId(), Duration.ZERO);
            HealthReport[] report = new HealthReport[1];
            assertThatCode(() -> report[0] = connector.checkHealth(expired)).doesNotThrowAnyException();
            assertThat(report[0].status()).isNotEqualTo(HealthStatus.UP);
        }
    }
}
