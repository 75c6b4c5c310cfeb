package dev.omnigate.simulator.shopify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A problem with a request's arguments that Shopify reports as an entry in {@code errors} (HTTP 200), e.g. a
 * connection without {@code first}/{@code last} or an invalid cursor. The message is safe to show to the client.
 */
final class ShopifyQueryException extends RuntimeException {

    private final Map<String, Object> extensions;

    ShopifyQueryException(String message, String code) {
        this(message, Map.of("code", code));
    }

    ShopifyQueryException(String message, Map<String, Object> extensions) {
        super(message, null, false, false);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    Map<String, Object> extensions() {
        return extensions;
    }
}
