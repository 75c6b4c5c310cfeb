package dev.omnigate.connector.shopify;

import dev.omnigate.connector.api.error.ErrorCategory;
import java.util.Optional;

/**
 * The {@code errors[].extensions.code} values Shopify's Admin GraphQL API sends that the connector
 * classifies, with the category each one means (PROTOCOLS.md §1 "Errors" and "Rate limiting"; the
 * validation codes are those of {@code captures/2025-01__admin-platform__graphql-base-validation-unhappy-paths.json}).
 */
public enum ShopifyErrorCode {
    /** Not enough query-cost budget left; retry after the bucket refills. */
    THROTTLED(ErrorCategory.RATE_LIMITED, true),
    /** One query asks for more than the 1000-point single-query limit: a connector bug, not transient. */
    MAX_COST_EXCEEDED(ErrorCategory.BAD_REQUEST, true),
    /** The app lacks an access scope for a selected field. */
    ACCESS_DENIED(ErrorCategory.PERMISSION_DENIED, true),
    /** Shopify failed internally. */
    INTERNAL_SERVER_ERROR(ErrorCategory.UNAVAILABLE, true),
    PARSE_ERROR(ErrorCategory.BAD_REQUEST, false),
    GRAPHQL_VALIDATION_FAILED(ErrorCategory.BAD_REQUEST, false),
    INVALID_VARIABLE(ErrorCategory.BAD_REQUEST, false),
    INVALID_FIELD_ARGUMENTS(ErrorCategory.BAD_REQUEST, false),
    BAD_USER_INPUT(ErrorCategory.BAD_REQUEST, false),
    /** A request Shopify refuses as a whole (e.g. a missing required directive). */
    BAD_REQUEST(ErrorCategory.BAD_REQUEST, false),
    /** Validation failures Shopify reports in camel case. */
    undefinedField(ErrorCategory.BAD_REQUEST, false),
    selectionMismatch(ErrorCategory.BAD_REQUEST, false),
    argumentLiteralsIncompatible(ErrorCategory.BAD_REQUEST, false),
    missingRequiredArguments(ErrorCategory.BAD_REQUEST, false),
    argumentNotAccepted(ErrorCategory.BAD_REQUEST, false),
    undefinedType(ErrorCategory.BAD_REQUEST, false),
    variableMismatch(ErrorCategory.BAD_REQUEST, false),
    variableNotDefined(ErrorCategory.BAD_REQUEST, false),
    variableNotUsed(ErrorCategory.BAD_REQUEST, false),
    /** A top-level lookup that found nothing (e.g. {@code customerByIdentifier} with a custom id). */
    NOT_FOUND(ErrorCategory.NOT_FOUND, false);

    private final ErrorCategory category;
    private final boolean messageIsSafe;

    ShopifyErrorCode(ErrorCategory category, boolean messageIsSafe) {
        this.category = category;
        this.messageIsSafe = messageIsSafe;
    }

    public ErrorCategory category() {
        return category;
    }

    /**
     * Whether Shopify's message for this code is a fixed text that may be shown: validation messages can
     * quote the query or variable values (search terms with customer emails), so they are left out.
     */
    public boolean messageIsSafe() {
        return messageIsSafe;
    }

    public static Optional<ShopifyErrorCode> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (ShopifyErrorCode value : values()) {
            if (value.name().equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
