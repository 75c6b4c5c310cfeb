package dev.omnigate.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** {@link ClientMessages}: what the rewriting keeps, what it replaces, and its guarantee. */
final class ClientMessagesTest {

    @Test
    void plainMessagesPassUnchanged() {
        for (String plain : new String[] {"'first' must be between 0 and 100, but was -1",
                "account shop-us (fake-shop): fake shop-us: injected UNAVAILABLE",
                "'john.Smith' is not an email address", "Validation error (FieldUndefined@[channels/nope]) : Field 'nope' in type "
                        + "'ChannelAccount' is undefined"}) {
            assertThat(ClientMessages.plain(plain, "fallback")).isEqualTo(plain);
        }
    }

    @Test
    void exceptionClassNamesBecomeWordsAndQualifiedNamesLoseTheirPackages() {
        assertThat(ClientMessages.plain("orders.search: transport failure (java.net.SocketTimeoutException: Read timed out)"))
                .isEqualTo("orders.search: transport failure (timeout: Read timed out)");
        assertThat(ClientMessages.plain("mapping failed (IllegalStateException)")).isEqualTo("mapping failed (unexpected failure)");
        assertThat(ClientMessages.plain("event store failed (io.lettuce.core.RedisCommandTimeoutException)"))
                .isEqualTo("event store failed (timeout)");
        assertThat(ClientMessages.describe(new EOFException())).isEqualTo("connection closed before the answer was complete");
        assertThat(ClientMessages.describe(new SocketTimeoutException())).isEqualTo("timeout");
        assertThat(ClientMessages.describe(new IllegalArgumentException())).isEqualTo("unexpected failure");
    }

    @Test
    void astNodesHashCodesAndStackFramesGo() {
        assertThat(ClientMessages.plain("value ObjectValue{objectFields=[ObjectField{name='a', value=StringValue{value='}'}}]} refused"))
                .isEqualTo("value an input object refused");
        assertThat(ClientMessages.plain("cannot map dev.omnigate.Foo@1b2c3d4 here")).isEqualTo("cannot map a value here");
        assertThat(ClientMessages.plain("it broke\n\tat dev.omnigate.Foo.bar(Foo.java:12)\n\tat java.base/java.lang.Thread.run"))
                .isEqualTo("it broke");
    }

    @Test
    void whatStillShowsInternalsIsReplacedByTheFallback() {
        assertThat(ClientMessages.plain("a custom Exception type", "the request is invalid")).isEqualTo("the request is invalid");
        assertThat(ClientMessages.plain(null, "the request is invalid")).isEqualTo("the request is invalid");
        assertThat(ClientMessages.showsInternals(ClientMessages.plain("broken java.util.ArrayList@12ab34 Value{x}"))).isFalse();
    }
}
