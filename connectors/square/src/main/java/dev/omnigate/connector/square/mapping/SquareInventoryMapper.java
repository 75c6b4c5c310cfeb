package dev.omnigate.connector.square.mapping;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.toolkit.SourceRefs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Square {@code InventoryCount}s of one item variation → one {@link InventoryLevel} per location.
 *
 * <p>Square keeps one count per (variation, location, state). {@code IN_STOCK} is what the location can still sell
 * ({@code available}); {@code RESERVED_FOR_SALE} is held for open orders ({@code committed}); on hand is their sum;
 * {@code IN_TRANSIT_TO}, {@code IN_TRANSIT} and {@code ORDERED_FROM_VENDOR} are {@code incoming}. Other states
 * (waste, sold, returned ...) are history, not stock. Quantities are decimal strings with up to 5 decimals; whole
 * units are kept (a fraction is cut off: half a unit cannot be sold). The level's native id is
 * {@code <variation id>:<location id>}; {@code updatedAt} is the latest {@code calculated_at}.
 */
public final class SquareInventoryMapper {

    private static final Set<String> INCOMING = Set.of("IN_TRANSIT_TO", "IN_TRANSIT", "ORDERED_FROM_VENDOR");

    private final SourceRefs refs;

    public SquareInventoryMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    private static final class Tally {
        BigDecimal inStock = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal incoming = BigDecimal.ZERO;
        Instant updatedAt;
    }

    /** The levels of {@code variationId} (sold as {@code sku}) from its counts, one per location, in first-seen order. */
    public List<InventoryLevel> toLevels(String sku, String variationId, List<JsonNode> counts) {
        Map<String, Tally> byLocation = new LinkedHashMap<>();
        for (JsonNode count : counts) {
            String what = "square inventory count of " + variationId;
            String location = SquareJson.required(count, "location_id", what);
            Tally tally = byLocation.computeIfAbsent(location, key -> new Tally());
            BigDecimal quantity = SquareJson.quantity(count, "quantity", what);
            String state = SquareJson.string(count, "state");
            if (quantity != null && state != null) {
                if (state.equals("IN_STOCK")) {
                    tally.inStock = tally.inStock.add(quantity);
                } else if (state.equals("RESERVED_FOR_SALE")) {
                    tally.reserved = tally.reserved.add(quantity);
                } else if (INCOMING.contains(state)) {
                    tally.incoming = tally.incoming.add(quantity);
                }
            }
            Instant calculated = SquareJson.instant(count, "calculated_at", what);
            if (calculated != null && (tally.updatedAt == null || calculated.isAfter(tally.updatedAt))) {
                tally.updatedAt = calculated;
            }
        }
        List<InventoryLevel> levels = new ArrayList<>();
        byLocation.forEach((location, tally) -> {
            long available = units(tally.inStock);
            long committed = units(tally.reserved);
            levels.add(new InventoryLevel(refs.of(variationId + ":" + location), sku, location, available + committed,
                    committed, available, units(tally.incoming), tally.updatedAt));
        });
        return levels;
    }

    private static long units(BigDecimal quantity) {
        return quantity.setScale(0, RoundingMode.DOWN).longValue();
    }
}
