package dev.omnigate.simulator.faults;

import dev.omnigate.simulator.Sandbox;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Injected error answers in each vendor's own error shape, the same shapes the simulators use for their real errors
 * (PROTOCOLS.md §1 "Throttle signal" row and each vendor's section):
 * <ul>
 *   <li>Shopify: {@code {"errors": "<reason>"}}, the plain HTTP-level form ({@code ShopifyErrors.plain}); 429 carries
 *       {@code Retry-After} (PROTOCOLS.md §1, "clients retry 429/503").</li>
 *   <li>Amazon SP-API: {@code {"errors": [{"code", "message", "details"}]}} ({@code QuotaExceeded} for 429, with
 *       {@code x-amzn-RateLimit-Limit}; no {@code Retry-After}, Amazon sends none).</li>
 *   <li>TikTok Shop: the envelope {@code {"code", "message", "request_id", "data"}} with the same placeholder codes as
 *       {@code TikTokShopSimulator} (42900, 50000: TikTok's are not in the sources); 429 carries {@code Retry-After}.</li>
 *   <li>Square: {@code {"errors": [{"category", "code", "detail"}]}} ({@code RATE_LIMIT_ERROR/RATE_LIMITED},
 *       {@code API_ERROR/...}); no {@code Retry-After}, Square sends none.</li>
 *   <li>Zendesk: {@code {"error", "description"}} ({@code APIRateLimitExceeded}); 429 carries {@code Retry-After}.</li>
 * </ul>
 */
final class VendorErrors {

    /** One canned answer: body bytes and the headers to add. */
    record Answer(byte[] body, Map<String, String> headers) {
    }

    private VendorErrors() {
    }

    static Answer answer(String vendor, int status, long retryAfterSeconds) {
        String retryAfter = Long.toString(retryAfterSeconds);
        boolean throttled = status == 429;
        String body = switch (vendor) {
            case Sandbox.SHOPIFY -> "{\"errors\":\"" + reason(status) + "\"}";
            case Sandbox.AMAZON -> throttled
                    ? "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota for the requested resource.\",\"details\":\"\"}]}"
                    : "{\"errors\":[{\"code\":\"" + (status == 503 ? "ServiceUnavailable" : "InternalFailure")
                            + "\",\"message\":\"We encountered an internal error. Please try again.\",\"details\":\"\"}]}";
            case Sandbox.TIKTOK_SHOP -> "{\"code\":" + (throttled ? 42900 : 50000) + ",\"message\":\""
                    + (throttled ? "Too many requests" : "Service unavailable") + "\",\"request_id\":\""
                    + UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT) + "\",\"data\":{}}";
            case Sandbox.SQUARE -> throttled
                    ? "{\"errors\":[{\"category\":\"RATE_LIMIT_ERROR\",\"code\":\"RATE_LIMITED\",\"detail\":\"This request was rate limited. Please retry later.\"}]}"
                    : "{\"errors\":[{\"category\":\"API_ERROR\",\"code\":\"" + (status == 503 ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR")
                            + "\",\"detail\":\"" + reason(status) + "\"}]}";
            case Sandbox.ZENDESK -> throttled
                    ? "{\"error\":\"APIRateLimitExceeded\",\"description\":\"Number of allowed API requests per minute exceeded\"}"
                    : "{\"error\":\"" + reason(status).replace(" ", "") + "\",\"description\":\"" + reason(status) + "\"}";
            default -> "{\"error\":\"" + reason(status) + "\"}";
        };
        Map<String, String> headers = switch (vendor) {
            case Sandbox.SHOPIFY, Sandbox.TIKTOK_SHOP, Sandbox.ZENDESK -> throttled ? Map.of("Retry-After", retryAfter) : Map.of();
            case Sandbox.AMAZON -> throttled ? Map.of("x-amzn-RateLimit-Limit", "0.5") : Map.of();
            default -> Map.of();
        };
        return new Answer(body.getBytes(StandardCharsets.UTF_8), headers);
    }

    static String reason(int status) {
        return switch (status) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Server Error";
        };
    }
}
