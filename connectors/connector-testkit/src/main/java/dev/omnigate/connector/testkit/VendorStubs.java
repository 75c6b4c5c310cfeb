package dev.omnigate.connector.testkit;

import java.time.Duration;
import java.util.Map;

/**
 * How one vendor's HTTP API looks on the wire: the only vendor-specific part of a contract test besides
 * the fixtures. Implementations register WireMock stubs on the kit's {@link StubServer}.
 *
 * <p>The kit resets every stub and the request journal before each test, then calls
 * {@link #registerHappyPath}. Failure tests reset the stubs again and call {@link #registerFailure}
 * alone, so a failure stub only needs to match the requests of its operation.
 */
public interface VendorStubs {

    /**
     * Registers stubs that answer every operation of every declared capability with the data the
     * {@link ContractFixtures} expect, including the health probe. Stubs for batch lookups must answer
     * any mix of existing and missing ids (use {@link StubServer#respond} to build answers from the
     * request), and searches must page by the cursor they hand out.
     */
    void registerHappyPath(StubServer server);

    /**
     * Registers a stub making {@code operation} fail the given way, in the vendor's own wire shape.
     * The stubs written here name, in a comment, the vendor document or capture they follow.
     */
    void registerFailure(StubServer server, ContractOperation operation, VendorFailure failure);

    /** The retry delay the connector must report for the {@link VendorFailure#RATE_LIMITED} stub. */
    Duration expectedRetryAfter();

    /**
     * Headers every vendor request must carry (authentication, API version ...): name to exact value, or
     * to {@code null} when only presence is checked (values that change per request, like signatures).
     */
    Map<String, String> requiredRequestHeaders();

    /**
     * How many vendor calls one batch of a lookup may cost: 1 (the default) unless the vendor cannot be asked by the
     * key the SPI uses and needs a lookup first, e.g. Square keeps stock by catalog variation id, so a batch of SKUs
     * is one catalog search plus one counts call. The kit then asserts {@code chunks <= calls <= chunks * this}, so a
     * call per id is still caught. Say why in the override.
     */
    default int maxCallsPerBatch(ContractOperation operation) {
        return 1;
    }
}
