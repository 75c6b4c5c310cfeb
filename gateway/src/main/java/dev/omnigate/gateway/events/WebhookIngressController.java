package dev.omnigate.gateway.events;

import dev.omnigate.connector.api.change.WebhookHandler;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.connector.ConnectorRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook ingress: {@code POST /webhooks/{connector}/{account}} hands the body exactly as received, the headers and the
 * URL the vendor called to that account's {@link WebhookHandler}.
 *
 * <ul>
 *   <li>unknown connector or account, or an account without webhooks: 404;</li>
 *   <li>a body above {@code omnigate.events.webhook-max-body-size}: 413, nothing handled;</li>
 *   <li>refused as unverified (signature, replay window): 401; as malformed: 400 — no side effect either way;</li>
 *   <li>accepted: a delivery key seen before, or a body the account received before (the same signed body under a new
 *       delivery key), within {@code omnigate.events.dedupe-ttl} answers 200 {@code duplicate} with no effect; otherwise
 *       the events go to the event log (repeated event keys dropped) and the cache drops what they make stale: 200
 *       {@code accepted};</li>
 *   <li>the shared event log (Redis) unavailable: 503 with {@code Retry-After}, nothing recorded — the vendor retries,
 *       so nothing it was told we accepted is lost, and no instance logs what the others would never see.</li>
 * </ul>
 * The answer comes as soon as the events are in the log (vendors retry endpoints that answer slowly). Counter
 * {@code omnigate.webhooks} tagged {@code connector}, {@code account} and {@code outcome}: the connector only when it is
 * installed and the account only when it is configured, else {@code unknown}, so made-up paths cannot add series (every
 * label comes from a bounded set). Log lines never hold bodies or signatures.
 */
@RestController
public class WebhookIngressController {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIngressController.class);

    /** The label of a connector or account the URL named but the gateway does not have. */
    static final String UNKNOWN = "unknown";

    private final ConnectorAccounts accounts;
    private final ConnectorRegistry registry;
    private final ChangeIngestor ingestor;
    private final DeliveryDedupe dedupe;
    private final int maxBodyBytes;
    private final Clock clock;
    private final MeterRegistry meters;

    public WebhookIngressController(ConnectorAccounts accounts, ConnectorRegistry registry, ChangeIngestor ingestor, DeliveryDedupe dedupe,
            EventsProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.accounts = accounts;
        this.registry = registry;
        this.ingestor = ingestor;
        this.dedupe = dedupe;
        this.maxBodyBytes = (int) properties.webhookMaxBodySize().toBytes();
        this.clock = clock;
        this.meters = meters.getIfAvailable();
    }

    @PostMapping("/webhooks/{connector}/{account}")
    public ResponseEntity<Map<String, Object>> receive(@PathVariable String connector, @PathVariable String account,
            HttpServletRequest request) throws IOException {
        Optional<WebhookHandler> handler = accounts.find(account).filter(found -> found.connectorId().equals(connector))
                .flatMap(found -> found.connector().webhooks());
        if (handler.isEmpty()) {
            // the path is the client's: only names the gateway knows become labels
            String connectorLabel = registry.factory(connector).isPresent() ? connector : UNKNOWN;
            String accountLabel = accounts.find(account).isPresent() ? account : UNKNOWN;
            count(connectorLabel, accountLabel, "unknown");
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("error", "no account '" + account + "' of connector '" + connector + "' takes webhooks here"));
        }
        ConnectorAccount target = accounts.find(account).orElseThrow();
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            return answer(target, "too_large", HttpStatus.PAYLOAD_TOO_LARGE, "error",
                    "the body is larger than omnigate.events.webhook-max-body-size (" + maxBodyBytes + " bytes)");
        }
        WebhookResult result = handler.get().handle(new WebhookRequest(requestUrl(request), headers(request), body, clock.instant()));
        return switch (result) {
            case WebhookResult.Rejected rejected -> {
                LOG.warn("webhook for account {} ({}) refused: {} {}", account, connector, rejected.reason(), rejected.message());
                yield rejected.reason() == WebhookResult.Reason.UNVERIFIED
                        ? answer(target, "unverified", HttpStatus.UNAUTHORIZED, "error", "the webhook could not be verified")
                        : answer(target, "malformed", HttpStatus.BAD_REQUEST, "error", rejected.message());
            }
            case WebhookResult.Accepted accepted -> accepted(target, accepted,
                    DeliveryDedupe.Delivery.of(target.connectorId(), target.accountId(), accepted.deliveryKey(), body));
        };
    }

    private ResponseEntity<Map<String, Object>> accepted(ConnectorAccount account, WebhookResult.Accepted accepted,
            DeliveryDedupe.Delivery delivery) {
        try {
            if (!dedupe.firstDelivery(delivery)) {
                return answer(account, "duplicate", HttpStatus.OK, "status", "duplicate");
            }
        } catch (EventStoreUnavailableException e) {
            return unavailable(account, e);
        }
        List<LoggedEvent> appended;
        try {
            appended = ingestor.ingest(account.connectorId(), accepted.events());
        } catch (RuntimeException e) {
            dedupe.forget(delivery); // let the vendor's retry count
            if (e instanceof EventStoreUnavailableException unavailable) {
                return unavailable(account, unavailable);
            }
            throw e;
        }
        dedupe.recorded(delivery);
        count(account, "accepted");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "accepted");
        body.put("events", appended.size());
        return ResponseEntity.ok(body);
    }

    /**
     * The shared event log cannot take the events: 503, so the vendor retries later; nothing is appended to a log
     * other instances would never see.
     */
    private ResponseEntity<Map<String, Object>> unavailable(ConnectorAccount account, EventStoreUnavailableException e) {
        LOG.warn("webhook for account {} answered 503: {}", account.accountId(), e.getMessage());
        count(account, "unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .body(Map.of("error", "the event log is unavailable; retry later"));
    }

    private ResponseEntity<Map<String, Object>> answer(ConnectorAccount account, String outcome, HttpStatus status, String key,
            String message) {
        count(account, outcome);
        return ResponseEntity.status(status).body(Map.of(key, message));
    }

    private void count(ConnectorAccount account, String outcome) {
        count(account.connectorId(), account.accountId(), outcome);
    }

    /** Labels are a configured account and its installed connector, {@link #UNKNOWN}, or a fixed outcome word. */
    private void count(String connectorLabel, String accountLabel, String outcome) {
        if (meters != null) {
            meters.counter("omnigate.webhooks", "connector", connectorLabel, "account", accountLabel, "outcome", outcome).increment();
        }
    }

    /** The body, or null when it is longer than {@code limit} (the rest is not read). */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }

    /** The URL the vendor called, as Square signs it: scheme, host, path and query. */
    private static String requestUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURL().toString() + (query == null ? "" : "?" + query);
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
        }
        return headers;
    }
}
