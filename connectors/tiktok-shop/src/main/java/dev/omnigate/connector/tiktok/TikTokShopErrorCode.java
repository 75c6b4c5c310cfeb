package dev.omnigate.connector.tiktok;

import dev.omnigate.connector.api.error.ErrorCategory;
import java.util.Optional;

/**
 * TikTok Shop envelope codes the connector knows by number (PROTOCOLS.md §3 "Response / error envelope" and
 * "Common parameters"; all from third-party material, see there). Any other non-zero code is decided by the HTTP
 * status, or is a {@code BAD_REQUEST} when TikTok answered 2xx.
 */
enum TikTokShopErrorCode {
    /** "Invalid credentials. The 'sign' query parameter is invalid." (HTTP 401) [3rd]. */
    INVALID_SIGN(106001, ErrorCategory.UNAUTHENTICATED,
            "TikTok rejected the request signature (check app-key and app-secret)"),
    /** Timestamp outside {@code [now-5min, now+30s]} [3rd]. */
    TIMESTAMP_OUT_OF_WINDOW(36009004, ErrorCategory.UNAUTHENTICATED,
            "TikTok rejected the request timestamp as outside its window (check this host's clock)"),
    /** "access token is expired, please refresh it" [3rd]. */
    ACCESS_TOKEN_EXPIRED(105002, ErrorCategory.UNAUTHENTICATED,
            "the access token has expired");

    private final long code;
    private final ErrorCategory category;
    private final String cause;

    TikTokShopErrorCode(long code, ErrorCategory category, String cause) {
        this.code = code;
        this.category = category;
        this.cause = cause;
    }

    static Optional<TikTokShopErrorCode> of(long code) {
        for (TikTokShopErrorCode known : values()) {
            if (known.code == code) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    long code() {
        return code;
    }

    ErrorCategory category() {
        return category;
    }

    /** What went wrong, in words that name the cause and never a credential. */
    String cause() {
        return cause;
    }
}
