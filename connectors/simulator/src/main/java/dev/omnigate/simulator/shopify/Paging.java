package dev.omnigate.simulator.shopify;

import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relay connection paging as Shopify does it: {@code first}/{@code after} forward, {@code last}/{@code before}
 * backward, {@code reverse} flips the sort. Cursors are opaque base64 JSON {@code {"last_id":..,"last_value":..}}
 * like Shopify's; {@code hasPreviousPage}/{@code hasNextPage} report whether anything lies before/after the page.
 */
final class Paging {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Paging() {
    }

    record Args(Integer first, String after, Integer last, String before, boolean reverse) {

        static Args of(DataFetchingEnvironment env) {
            Boolean reverse = env.getArgument("reverse");
            return new Args(env.getArgument("first"), env.getArgument("after"), env.getArgument("last"),
                    env.getArgument("before"), Boolean.TRUE.equals(reverse));
        }
    }

    /**
     * One page of {@code sorted} (already filtered and in sort order; reversed here when asked).
     *
     * @param id the entity's numeric id (cursor identity)
     * @param sortValue the value the list is sorted by, recorded in the cursor as Shopify does
     */
    static <T> ShopifyModel.Connection<T> page(List<T> sorted, Args args, ToLongFunction<T> id,
            Function<T, Object> sortValue, int maxPageSize) {
        if (args.first() == null && args.last() == null) {
            throw new ShopifyQueryException("you must provide one of first or last", "BAD_REQUEST");
        }
        checkSize("first", args.first(), maxPageSize);
        checkSize("last", args.last(), maxPageSize);
        List<T> all = sorted;
        if (args.reverse()) {
            all = new ArrayList<>(sorted);
            Collections.reverse(all);
        }
        int from = 0;
        int to = all.size();
        if (args.after() != null) {
            from = indexOf(all, id, args.after(), "after") + 1;
        }
        if (args.before() != null) {
            to = Math.max(from, indexOf(all, id, args.before(), "before"));
        }
        if (args.first() != null && to - from > args.first()) {
            to = from + args.first();
        }
        if (args.last() != null && to - from > args.last()) {
            from = to - args.last();
        }
        List<ShopifyModel.Edge<T>> edges = new ArrayList<>(to - from);
        for (T node : all.subList(from, to)) {
            edges.add(new ShopifyModel.Edge<>(cursor(id.applyAsLong(node), sortValue.apply(node)), node));
        }
        ShopifyModel.PageInfo pageInfo = new ShopifyModel.PageInfo(to < all.size(), from > 0,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
        return new ShopifyModel.Connection<>(edges, pageInfo);
    }

    private static void checkSize(String name, Integer size, int max) {
        if (size != null && (size < 0 || size > max)) {
            throw new ShopifyQueryException("The " + name + " argument must be between 0 and " + max + ", got " + size
                    + ".", "BAD_REQUEST");
        }
    }

    static String cursor(long id, Object value) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("last_id", id);
        content.put("last_value", value);
        return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(content));
    }

    private static <T> int indexOf(List<T> all, ToLongFunction<T> id, String cursor, String argument) {
        long wanted = cursorId(cursor, argument);
        for (int i = 0; i < all.size(); i++) {
            if (id.applyAsLong(all.get(i)) == wanted) {
                return i;
            }
        }
        throw invalidCursor(argument);
    }

    private static long cursorId(String cursor, String argument) {
        try {
            JsonNode node = JSON.readTree(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8));
            JsonNode lastId = node == null ? null : node.get("last_id");
            if (lastId == null || !lastId.canConvertToLong()) {
                throw invalidCursor(argument);
            }
            return lastId.asLong();
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalidCursor(argument);
        }
    }

    private static ShopifyQueryException invalidCursor(String argument) {
        return new ShopifyQueryException("Invalid cursor for current pagination sort: the " + argument
                + " cursor does not belong to this list.", "BAD_REQUEST");
    }
}
