package dev.omnigate.simulator.shopify;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Function;

/**
 * Shopify's custom scalars, serialised the way the captured responses show them.
 * <ul>
 *   <li>{@code DateTime}: ISO 8601 UTC to the second, {@code "2025-03-26T19:51:37Z"}.</li>
 *   <li>{@code Decimal} (e.g. {@code MoneyV2.amount}): no padding of trailing zeros, at least one decimal,
 *       {@code "11884.9"}, {@code "55.0"}, {@code "12.77"} ({@code captures/2025-01__customers__customer-detail.json}).</li>
 *   <li>{@code Money} (e.g. {@code ProductVariant.price}): two decimals, {@code "27.00"}
 *       ({@code captures/2025-01__products__product-variants-bulk-create-inventory-read-parity.json}).</li>
 *   <li>{@code UnsignedInt64}: a decimal string, {@code "9522206933298"}.</li>
 * </ul>
 */
final class ShopifyScalars {

    private ShopifyScalars() {
    }

    static final GraphQLScalarType DATE_TIME = scalar("DateTime", value -> switch (value) {
        case Instant instant -> instant.truncatedTo(ChronoUnit.SECONDS).toString();
        case String text -> text;
        default -> throw new CoercingSerializeException("DateTime cannot serialise " + value.getClass().getSimpleName());
    }, text -> {
        Instant parsed = SearchQuery.parseInstant(text);
        if (parsed == null) {
            throw new CoercingParseValueException("Invalid DateTime: '" + text + "'");
        }
        return parsed;
    });

    static final GraphQLScalarType DECIMAL = scalar("Decimal", value -> decimal(value).toPlainString(), ShopifyScalars::parseDecimal);

    static final GraphQLScalarType MONEY = scalar("Money", value -> toBigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
            ShopifyScalars::parseDecimal);

    static final GraphQLScalarType UNSIGNED_INT_64 = scalar("UnsignedInt64", value -> switch (value) {
        case Number number -> Long.toUnsignedString(number.longValue());
        case String text -> text;
        default -> throw new CoercingSerializeException("UnsignedInt64 cannot serialise " + value.getClass().getSimpleName());
    }, text -> {
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new CoercingParseValueException("Invalid UnsignedInt64: '" + text + "'");
        }
    });

    /** Strips trailing zeros but keeps one decimal place, as Shopify prints {@code Decimal}. */
    static BigDecimal decimal(Object value) {
        BigDecimal stripped = toBigDecimal(value).stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1, RoundingMode.UNNECESSARY) : stripped;
    }

    private static BigDecimal toBigDecimal(Object value) {
        return switch (value) {
            case BigDecimal decimal -> decimal;
            case Number number -> new BigDecimal(number.toString());
            case String text -> new BigDecimal(text);
            default -> throw new CoercingSerializeException("not a decimal: " + value.getClass().getSimpleName());
        };
    }

    private static BigDecimal parseDecimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new CoercingParseValueException("Invalid decimal: '" + text + "'");
        }
    }

    private static GraphQLScalarType scalar(String name, Function<Object, String> serialize, Function<String, Object> parse) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                return serialize.apply(value);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String text) {
                    return parse.apply(text);
                }
                throw new CoercingParseValueException(name + " expects a string, got " + input.getClass().getSimpleName());
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue text) {
                    try {
                        return parse.apply(text.getValue());
                    } catch (CoercingParseValueException e) {
                        throw new CoercingParseLiteralException(e.getMessage());
                    }
                }
                throw new CoercingParseLiteralException(name + " expects a string literal");
            }
        }).build();
    }
}
