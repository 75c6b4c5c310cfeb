package dev.omnigate.connector.toolkit.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each vendor call at DEBUG as method, redacted URL, status, duration and size. Never logs
 * headers or bodies (they carry tokens and customer PII); query parameters whose names look like
 * credentials or signatures are replaced by {@code <redacted>}.
 */
public final class RedactingLoggingInterceptor implements Interceptor {

    /** Query parameter names always redacted, compared case-insensitively. */
    public static final Set<String> DEFAULT_SENSITIVE_PARAMETERS = Set.of(
            "sign", "signature", "access_token", "token", "refresh_token", "code", "key", "api_key",
            "secret", "client_secret", "password", "shop_cipher", "email", "phone", "buyer_email");

    private final Logger log;
    private final Set<String> sensitive;

    public RedactingLoggingInterceptor(String connectorId) {
        this(connectorId, Set.of());
    }

    public RedactingLoggingInterceptor(String connectorId, Set<String> extraSensitiveParameters) {
        this.log = LoggerFactory.getLogger("dev.omnigate.connector." + connectorId + ".http");
        java.util.HashSet<String> names = new java.util.HashSet<>();
        DEFAULT_SENSITIVE_PARAMETERS.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        extraSensitiveParameters.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        this.sensitive = Set.copyOf(names);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!log.isDebugEnabled()) {
            return chain.proceed(request);
        }
        String target = redact(request.url());
        long started = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            log.debug("{} {} -> {} in {} ms", request.method(), target, response.code(), tookMs);
            return response;
        } catch (IOException e) {
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            log.debug("{} {} -> {} after {} ms", request.method(), target, e.getClass().getSimpleName(), tookMs);
            throw e;
        }
    }

    /** The URL with sensitive query values replaced; visible for tests. */
    public String redact(HttpUrl url) {
        HttpUrl.Builder builder = url.newBuilder();
        for (String name : url.queryParameterNames()) {
            if (sensitive.contains(name.toLowerCase(Locale.ROOT))) {
                builder.setQueryParameter(name, "<redacted>");
            }
        }
        return builder.build().toString();
    }
}
