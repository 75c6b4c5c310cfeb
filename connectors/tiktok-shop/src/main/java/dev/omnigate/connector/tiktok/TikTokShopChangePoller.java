package dev.omnigate.connector.tiktok;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.change.ChangeBatch;
import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.ChangePoller;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.tiktok.mapping.TikTokShopJson;
import dev.omnigate.connector.toolkit.SourceRefs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The webhook fallback: orders by {@code update_time} through {@code POST /order/202309/orders/search} with body
 * {@code {"update_time_ge": since}}, oldest change first ({@code sort_field=update_time}, {@code sort_order=ASC}),
 * at most {@value #MAX_PAGES} pages of {@value #PAGE_SIZE} per poll.
 *
 * <p>Cursor {@code v1:<since>:<ids>}: the Unix second polled from (inclusive) and the orders already reported with
 * exactly that update time, so a re-poll never repeats an event. A null cursor starts at the clock's "now" (no
 * history). Each event is ORDER UPDATED (CREATED when the order's update time equals its create time) with key
 * {@code tiktok-shop:order:<id>:<update_time>}.
 */
final class TikTokShopChangePoller implements ChangePoller {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 10;

    private final TikTokShopClient client;
    private final SourceRefs refs;
    private final Clock clock;

    TikTokShopChangePoller(TikTokShopClient client, SourceRefs refs, Clock clock) {
        this.client = client;
        this.refs = refs;
        this.clock = clock;
    }

    @Override
    public Duration suggestedInterval() {
        return Duration.ofMinutes(1);
    }

    @Override
    public ChangeBatch poll(CallContext context, String cursor) {
        Cursor from = cursor == null ? new Cursor(clock.instant().getEpochSecond(), Set.of()) : Cursor.parse(cursor);
        Map<String, JsonNode> changed = new LinkedHashMap<>();
        String pageToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("page_size", String.valueOf(PAGE_SIZE));
            parameters.put("sort_field", "update_time");
            parameters.put("sort_order", "ASC");
            if (pageToken != null) {
                parameters.put("page_token", pageToken);
            }
            JsonNode data = client.post(context, "tiktok-shop changes.poll", TikTokShopOrderReader.SEARCH_PATH, parameters,
                    Map.of("update_time_ge", from.since()));
            for (JsonNode order : data.path("orders")) {
                String id = TikTokShopJson.text(order, "id");
                if (id != null) {
                    changed.put(id, order);
                }
            }
            pageToken = TikTokShopJson.text(data, "next_page_token");
            if (pageToken == null || data.path("orders").isEmpty()) {
                break;
            }
        }
        long since = from.since();
        Set<String> atSince = new LinkedHashSet<>(from.seen());
        List<ChangeEvent> events = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : changed.entrySet()) {
            Instant updated = TikTokShopJson.seconds(entry.getValue(), "update_time");
            if (updated == null || updated.getEpochSecond() < from.since()
                    || (updated.getEpochSecond() == from.since() && from.seen().contains(entry.getKey()))) {
                continue;
            }
            Instant created = TikTokShopJson.seconds(entry.getValue(), "create_time");
            events.add(new ChangeEvent("tiktok-shop:order:" + entry.getKey() + ":" + updated.getEpochSecond(), EntityType.ORDER,
                    refs.of(entry.getKey()), updated.equals(created) ? ChangeKind.CREATED : ChangeKind.UPDATED, updated,
                    "order.update_time", null, null));
            if (updated.getEpochSecond() > since) {
                since = updated.getEpochSecond();
                atSince.clear();
            }
            if (updated.getEpochSecond() == since) {
                atSince.add(entry.getKey());
            }
        }
        events.sort(java.util.Comparator.comparing(ChangeEvent::occurredAt));
        return new ChangeBatch(events, new Cursor(since, atSince).format());
    }

    /** Where a poll continues. */
    record Cursor(long since, Set<String> seen) {

        static Cursor parse(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length != 3 || !"v1".equals(parts[0]) || !parts[1].matches("[0-9]{1,12}")) {
                throw ConnectorException.of(ErrorCategory.BAD_REQUEST, "tiktok-shop changes.poll: not a cursor of this poller");
            }
            Set<String> seen = parts[2].isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(parts[2].split(",")));
            return new Cursor(Long.parseLong(parts[1]), seen);
        }

        String format() {
            return "v1:" + since + ":" + String.join(",", seen);
        }
    }
}
