package dev.omnigate.gateway.sandbox;

import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.shopify.ShopifyModel;
import dev.omnigate.simulator.shopify.ShopifyStore;
import dev.omnigate.simulator.shopify.ShopifyWebhook;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /sandbox/stock} (sandbox mode only): changes a SKU's simulated stock at a location and has the vendor send
 * its signed webhook to this gateway's ingress, so a partner can watch {@code inventoryChanged} live, e.g.
 * {@code {"vendor": "shopify", "sku": "OO-C28-BLA", "location": "Mission Store", "delta": -1}}. The location is the
 * vendor's location id, its name or the demo world's location key. Shopify sends {@code inventory_levels/update};
 * Amazon's and TikTok Shop's changes reach the gateway by polling, so they are refused here with that reason. Bad input
 * answers 400 naming the field; the answer holds the new figure and the status the ingress gave the delivery.
 */
@RestController
@RequestMapping(path = "/sandbox/stock", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "omnigate.sandbox.enabled", havingValue = "true")
public class SandboxStockController {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Sandbox sandbox;

    public SandboxStockController(SandboxStoreConfigSource source) {
        this.sandbox = source.sandbox();
    }

    /** What to change. */
    public record StockChange(String vendor, String sku, String location, Integer delta) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> change(@RequestBody StockChange change, HttpServletRequest request)
            throws IOException, InterruptedException {
        if (change.vendor() == null || change.vendor().isBlank()) {
            return bad("vendor", "'vendor' is required (shopify)");
        }
        if (!change.vendor().equals(Sandbox.SHOPIFY)) {
            return bad("vendor", "'" + change.vendor() + "' sends no stock webhooks in the sandbox: Amazon's and TikTok Shop's "
                    + "changes arrive by polling; use 'shopify'");
        }
        ShopifyStore store = sandbox.shopify().store();
        if (change.sku() == null || !knownSku(store, change.sku())) {
            return bad("sku", "'sku' is not a SKU of the Shopify shop");
        }
        Optional<ShopifyModel.Location> location = location(store, change.location());
        if (location.isEmpty()) {
            return bad("location", "'location' is not a location id, name or world key of the Shopify shop");
        }
        if (change.delta() == null || change.delta() == 0 || Math.abs(change.delta()) > 1_000_000) {
            return bad("delta", "'delta' must be a non-zero whole number of units between -1000000 and 1000000");
        }
        int current = available(change.sku(), location.get());
        int available = current + change.delta();
        if (available < 0) {
            return bad("delta", "'delta' would leave " + available + " units available; there are " + current);
        }
        int status = apply(change.sku(), location.get(), available, request.getLocalPort());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("vendor", Sandbox.SHOPIFY);
        answer.put("sku", change.sku());
        answer.put("location", location.get().name());
        answer.put("available", available);
        answer.put("webhookStatus", status);
        return ResponseEntity.ok(answer);
    }

    /** The units available of a SKU at a Shopify location now. */
    int available(String sku, ShopifyModel.Location location) {
        ShopifyStore store = sandbox.shopify().store();
        return store.level(store.variantOfSku(sku).inventoryItemLegacyId(), location.legacyId())
                .map(level -> level.quantity("available")).orElse(0);
    }

    /**
     * Sets the level's available units and has Shopify deliver its webhook to the gateway on {@code port}; returns the
     * status the ingress answered.
     */
    int apply(String sku, ShopifyModel.Location location, int available, int port) throws IOException, InterruptedException {
        String gateway = "http://127.0.0.1:" + port;
        // Shopify's notification names the level, not the SKU: a storefront read of the SKU (as the demo's storefront
        // would make) teaches the gateway which SKU the level is, so subscribers filtering by SKU see the change
        CLIENT.send(HttpRequest.newBuilder(URI.create(gateway + "/graphql")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + SandboxClients.FRONTEND_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"query($s: [String!]!) { products(skus: $s) { sku } }\","
                        + "\"variables\":{\"s\":[" + JSON.writeValueAsString(sku) + "]}}")).build(), HttpResponse.BodyHandlers.discarding());
        ShopifyWebhook delivery = sandbox.shopify().webhooks().inventoryLevelUpdate(sku, location.worldKey(), available);
        return delivery.deliver(CLIENT, URI.create(gateway + "/webhooks/shopify/" + Sandbox.SHOPIFY_ACCOUNT));
    }

    private static boolean knownSku(ShopifyStore store, String sku) {
        try {
            store.variantOfSku(sku);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Optional<ShopifyModel.Location> location(ShopifyStore store, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return Optional.empty();
        }
        return store.locations().stream().filter(location -> wanted.equals(location.name()) || wanted.equals(location.worldKey())
                || wanted.equals(Long.toString(location.legacyId())) || wanted.equals(location.id())).findFirst();
    }

    private static ResponseEntity<Map<String, Object>> bad(String field, String message) {
        return ResponseEntity.badRequest().body(Map.of("error", message, "field", field));
    }
}
