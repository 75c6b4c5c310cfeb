package dev.omnigate.connector.zendesk;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorContext;
import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.connector.api.change.WebhookHandler;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.TicketReader;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.zendesk.mapping.ZendeskTicketMapper;
import dev.omnigate.connector.zendesk.mapping.ZendeskUserMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Zendesk Support account. Thread-safe: readers share one {@link ZendeskClient} and hold no per-call state.
 * Every call honours the {@link CallContext} deadline; after {@link #close()} every reader call fails with
 * UNAVAILABLE without reaching Zendesk.
 */
final class ZendeskConnector implements Connector {

    /** Health is DEGRADED when less than this share (percent) of the per-minute request budget is left. */
    static final int DEGRADED_BELOW_PERCENT = 10;

    private final ZendeskConfig config;
    private final ZendeskClient client;
    private final Optional<CustomerReader> customers;
    private final Optional<TicketReader> tickets;
    private final Optional<WebhookHandler> webhooks;

    ZendeskConnector(ZendeskConfig config, ConnectorContext context) {
        this.config = config;
        this.client = new ZendeskClient(config, context);
        SourceRefs refs = new SourceRefs(Channel.HELPDESK, ZendeskConnectorFactory.ID, context.accountId());
        this.customers = Optional.of(new ZendeskCustomerReader(config, client, new ZendeskUserMapper(refs)));
        this.tickets = Optional.of(new ZendeskTicketReader(config, client, new ZendeskTicketMapper(refs)));
        this.webhooks = Optional.of(new ZendeskWebhookHandler(config.webhookSigningSecret(), config.webhookTolerance(), refs));
    }

    @Override
    public Optional<CustomerReader> customers() {
        return customers;
    }

    @Override
    public Optional<TicketReader> tickets() {
        return tickets;
    }

    @Override
    public Optional<WebhookHandler> webhooks() {
        return webhooks;
    }

    /**
     * One {@code GET /api/v2/users/me} (OAS {@code ShowCurrentUser}). UP when it answers with the authenticated
     * user; DEGRADED when less than {@value #DEGRADED_BELOW_PERCENT}% of the {@code X-Rate-Limit} budget is left or
     * Zendesk throttles; DOWN for anything else (rejected credentials, unreachable host, closed connector, passed
     * deadline). Never throws; the message never holds the agent's email.
     */
    @Override
    public HealthReport checkHealth(CallContext context) {
        String account = "Zendesk " + config.subdomain();
        if (client.isClosed()) {
            return HealthReport.down(account + " connector is closed");
        }
        try {
            var answer = client.get(context, "zendesk users.me", config.api("users", "me").build());
            var user = answer.path("user");
            // Zendesk answers an anonymous user (id null) for requests it could not authenticate on some endpoints
            if (!user.isObject() || user.path("id").isNull() || user.path("id").isMissingNode()) {
                return HealthReport.down(account + ": the credentials were not accepted (anonymous user)");
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("subdomain", config.subdomain());
            details.put("auth", config.authMode());
            Optional<ZendeskClient.RateLimit> limit = client.lastRateLimit();
            limit.ifPresent(l -> {
                details.put("rateLimit", Long.toString(l.limit()));
                details.put("rateLimitRemaining", Long.toString(l.remaining()));
            });
            if (limit.isPresent() && limit.get().limit() > 0
                    && limit.get().remaining() * 100 < limit.get().limit() * DEGRADED_BELOW_PERCENT) {
                return HealthReport.degraded(account + " answered, but only " + limit.get().remaining() + " of "
                        + limit.get().limit() + " requests per minute are left").withDetails(details);
            }
            return HealthReport.up(account + " answered").withDetails(details);
        } catch (ConnectorException e) {
            String message = account + ": " + describe(e.category()) + " (" + e.getMessage() + ")";
            return e.category() == ErrorCategory.RATE_LIMITED ? HealthReport.degraded(message) : HealthReport.down(message);
        } catch (RuntimeException e) {
            return HealthReport.down(account + ": health check failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String describe(ErrorCategory category) {
        return switch (category) {
            case UNAUTHENTICATED -> "the credentials were rejected";
            case PERMISSION_DENIED -> "the credentials lack access";
            case RATE_LIMITED -> "throttled";
            case UNAVAILABLE -> "Zendesk is unreachable or failing";
            case TIMEOUT -> "no answer within the deadline";
            case CONFIG -> "the subdomain or base URL is wrong";
            case BAD_RESPONSE -> "Zendesk's answer could not be read";
            case BAD_REQUEST, NOT_FOUND, UNSUPPORTED, INTERNAL -> "the health call failed";
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
