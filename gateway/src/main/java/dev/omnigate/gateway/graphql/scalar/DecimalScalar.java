package dev.omnigate.gateway.graphql.scalar;

import com.netflix.graphql.dgs.DgsScalar;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * {@code Decimal}: an exact decimal serialised as a JSON <em>string</em> ({@code "129.00"}), the way Shopify's
 * own {@code Decimal} is, so no client parses money into a binary float. graphql-java-extended-scalars'
 * {@code BigDecimal} serialises JSON numbers, which is why this scalar is the gateway's own.
 * Inputs accept a string or a number.
 */
@DgsScalar(name = "Decimal")
public class DecimalScalar implements Coercing<BigDecimal, String> {

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        return switch (value) {
            case BigDecimal decimal -> decimal.toPlainString();
            case Long number -> Long.toString(number);
            case Integer number -> Integer.toString(number);
            case String text -> parse(text, CoercingSerializeException::new).toPlainString();
            default -> throw new CoercingSerializeException("Decimal cannot serialise a " + value.getClass().getSimpleName());
        };
    }

    @Override
    public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
        return switch (input) {
            case BigDecimal decimal -> decimal;
            case Number number -> new BigDecimal(number.toString());
            case String text -> parse(text, CoercingParseValueException::new);
            default -> throw new CoercingParseValueException("Decimal expects a decimal string such as \"12.50\"");
        };
    }

    @Override
    public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        return switch (input) {
            case StringValue text -> parse(text.getValue(), CoercingParseLiteralException::new);
            case IntValue number -> new BigDecimal(number.getValue());
            case FloatValue number -> number.getValue();
            default -> throw new CoercingParseLiteralException("Decimal expects a decimal string such as \"12.50\"");
        };
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return StringValue.of(serialize(input, context, locale));
    }

    private static <E extends RuntimeException> BigDecimal parse(String text, java.util.function.Function<String, E> error) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw error.apply("'" + text + "' is not a decimal number");
        }
    }
}
