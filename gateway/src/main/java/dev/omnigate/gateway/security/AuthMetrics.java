package dev.omnigate.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code omnigate.auth.requests{method, outcome}}: every authentication decision. Both labels come from fixed sets
 * (method {@code api_key|jwt|none}, outcome {@code accepted} or a {@link CredentialRejectedException.Reason} label), so
 * no client can grow the number of series; client ids are never labels.
 */
public final class AuthMetrics {

    private final Counter apiKeyAccepted;
    private final Counter jwtAccepted;
    private final Map<CredentialRejectedException.Reason, Counter> rejected = new EnumMap<>(CredentialRejectedException.Reason.class);

    public AuthMetrics(MeterRegistry meters) {
        apiKeyAccepted = counter(meters, "api_key", "accepted");
        jwtAccepted = counter(meters, "jwt", "accepted");
        for (CredentialRejectedException.Reason reason : CredentialRejectedException.Reason.values()) {
            rejected.put(reason, counter(meters, reason == CredentialRejectedException.Reason.MISSING ? "none" : "any", reason.label()));
        }
    }

    private static Counter counter(MeterRegistry meters, String method, String outcome) {
        return Counter.builder("omnigate.auth.requests")
                .description("Authentication decisions by method and outcome")
                .tag("method", method)
                .tag("outcome", outcome)
                .register(meters);
    }

    public void accepted(GatewayClient client) {
        (client.method() == GatewayClient.AuthMethod.JWT ? jwtAccepted : apiKeyAccepted).increment();
    }

    public void rejected(CredentialRejectedException.Reason reason) {
        rejected.get(reason).increment();
    }
}
