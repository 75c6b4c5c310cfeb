package dev.omnigate.connector.toolkit.http;

import dev.omnigate.connector.api.error.ErrorCategory;

/**
 * The default HTTP status → {@link ErrorCategory} mapping. Vendors with odd shapes (errors inside a
 * 200, a 400 that means "throttled") map those cases themselves before falling back to this.
 */
public final class HttpStatusMapper {

    private HttpStatusMapper() {
    }

    /** The category for a non-2xx status. */
    public static ErrorCategory categoryFor(int status) {
        return switch (status) {
            case 400, 405, 409, 411, 413, 414, 415, 422 -> ErrorCategory.BAD_REQUEST;
            case 401, 407 -> ErrorCategory.UNAUTHENTICATED;
            case 403 -> ErrorCategory.PERMISSION_DENIED;
            case 404, 410 -> ErrorCategory.NOT_FOUND;
            case 408, 504 -> ErrorCategory.TIMEOUT;
            case 429 -> ErrorCategory.RATE_LIMITED;
            default -> status >= 500 ? ErrorCategory.UNAVAILABLE
                    : status >= 400 ? ErrorCategory.BAD_REQUEST
                    : ErrorCategory.BAD_RESPONSE; // 1xx/3xx where a final 2xx was expected
        };
    }
}
