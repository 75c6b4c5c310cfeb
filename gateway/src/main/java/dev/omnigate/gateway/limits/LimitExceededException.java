package dev.omnigate.gateway.limits;

import com.netflix.graphql.types.errors.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request refused by a limit before anything ran: one GraphQL error with {@code extensions.code} (such as
 * {@code MAX_ALIASES_EXCEEDED}, {@code MAX_COST_EXCEEDED}, {@code THROTTLED}), the setting that decides it and the
 * numbers; graphql-java answers it as the whole result.
 */
public final class LimitExceededException extends AbortExecutionException {

    private final String code;

    private LimitExceededException(GraphQLError error, String code) {
        super(List.of(error));
        this.code = code;
    }

    /** The error code, such as {@code MAX_DEPTH_EXCEEDED}. */
    public String code() {
        return code;
    }

    /**
     * @param code the error code
     * @param message what is wrong, naming the limit
     * @param extensions further facts ({@code limit}, {@code max}, {@code actual}, {@code retryAfterSeconds} ...)
     */
    public static LimitExceededException of(String code, String message, Map<String, Object> extensions) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("code", code);
        all.putAll(extensions);
        // DGS's classification: a refusal to retry later, or a request to change
        ErrorType type = code.equals("THROTTLED") ? ErrorType.UNAVAILABLE : ErrorType.BAD_REQUEST;
        return new LimitExceededException(GraphqlErrorBuilder.newError().message(message).errorType(type).extensions(all).build(), code);
    }

    /** A document over one of the {@code omnigate.limits.document.*} limits. */
    static LimitExceededException document(String code, String what, String setting, long max, long actual) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("limit", setting);
        extensions.put("max", max);
        extensions.put("actual", actual);
        return of(code, "the request " + what + " " + actual + "; at most " + max + " are allowed (" + setting + ")", extensions);
    }
}
