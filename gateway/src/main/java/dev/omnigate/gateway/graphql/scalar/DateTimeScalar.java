package dev.omnigate.gateway.graphql.scalar;

import com.netflix.graphql.dgs.DgsScalar;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * {@code DateTime}: graphql-java-extended-scalars' RFC 3339 {@code DateTime}, extended to serialise
 * {@link Instant} (the type of every time in the connector SPI) as UTC. Parsing is the extended scalar's own
 * and yields {@link OffsetDateTime}. DGS's registration of the extended time scalars is switched off
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

    @Override
    public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
        return delegate.parseValue(input, context, locale);
    }

    @Override
    public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        return delegate.parseLiteral(input, variables, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        Object adapted = input instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : input;
        return delegate.valueToLiteral(adapted, context, locale);
    }
}
