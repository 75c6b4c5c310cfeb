package dev.omnigate.gateway.graphql.scalar;

import com.netflix.graphql.dgs.DgsScalar;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * {@code DateTime}: graphql-java-extended-scalars' RFC 3339 {@code DateTime}, extended to serialise
 * {@link Instant} (the type of every time in the connector SPI) as UTC. Parsing is the extended scalar's own
 * and yields {@link OffsetDateTime}; what it refuses gets a plain message naming the expected form (its own names Java
 * types such as {@code java.time.OffsetDateTime}). DGS's registration of the extended time scalars is switched off
 * ({@code dgs.graphql.extensions.scalars.time-dates.enabled=false}) so that this one is the only
 * {@code DateTime}.
 */
@DgsScalar(name = "DateTime")
public class DateTimeScalar implements Coercing<OffsetDateTime, String> {

    @SuppressWarnings("unchecked")
    private final Coercing<OffsetDateTime, String> delegate =
            (Coercing<OffsetDateTime, String>) ExtendedScalars.DateTime.getCoercing();

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        Object adapted = value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value;
        return delegate.serialize(adapted, context, locale);
    }

    /** The form the refusals name. */
    static final String EXAMPLE = "an RFC 3339 date-time with an offset, such as 2026-01-31T12:00:00Z";

    @Override
    public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
        try {
            return delegate.parseValue(input, context, locale);
        } catch (CoercingParseValueException e) {
            throw new CoercingParseValueException(refusal(input instanceof String text ? text : null));
        }
    }

    @Override
    public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        try {
            return delegate.parseLiteral(input, variables, context, locale);
        } catch (CoercingParseLiteralException e) {
            throw new CoercingParseLiteralException(refusal(input instanceof StringValue text ? text.getValue() : null));
        }
    }

    private static String refusal(String text) {
        return text == null ? "expected a string holding " + EXAMPLE
                : "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "' is not " + EXAMPLE;
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        Object adapted = input instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : input;
        return delegate.valueToLiteral(adapted, context, locale);
    }
}
