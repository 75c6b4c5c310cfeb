package dev.omnigate.connector.toolkit.http;

import dev.omnigate.connector.api.ConnectorContext;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The one OkHttp base client of the process, and per-account clients derived from it.
 *
 * <p>OkHttp clients hold connection and thread pools; they should be shared and specialised with
 * {@link OkHttpClient#newBuilder()}, which reuses the pools. The host may hand connectors its own base
 * client (with its metrics listener) as a {@link ConnectorContext#service(Class)}; otherwise the
 * toolkit's is used.
 */
public final class HttpClients {

    private static final class Shared {
        // lazily built on first use: connectors in tests that never do HTTP do not pay for it
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                // the host owns retries (by error category, within a retry budget); no silent extra attempts
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    private HttpClients() {
    }

    /** The process-wide base client. */
    public static OkHttpClient shared() {
        return Shared.CLIENT;
    }

    /**
     * A builder for one account's client: derived from the host's base client when it offers one,
     * else from {@link #shared()}. Add the vendor's auth interceptor and {@link RedactingLoggingInterceptor}.
     */
    public static OkHttpClient.Builder forAccount(ConnectorContext context) {
        return context.service(OkHttpClient.class).orElseGet(HttpClients::shared).newBuilder();
    }
}
