package dev.omnigate.gateway.security;

import dev.omnigate.connector.api.model.LocationKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Row-level limits of a partner client: which SKUs and which locations it may see. {@code products}, {@code product},
 * {@code OrderLine.product}, {@code locations}, {@code node} (locations) and {@code inventoryChanged} apply it; what it
 * hides is absent or {@code null}, exactly as if it did not exist, never an error that would reveal it. Immutable.
 */
public final class PartnerFilter {

    /** No limits. */
    public static final PartnerFilter NONE = new PartnerFilter(List.of(), Set.of(), Set.of());

    /** The most SKU patterns one client may have. */
    public static final int MAX_SKU_PATTERNS = 1_000;

    private final List<String> skuPatterns;
    private final List<Pattern> compiled;
    private final Set<LocationKind> locationKinds;
    private final Set<LocationRef> locations;

    /**
     * @param skuPatterns seller SKU patterns ({@code *} any run of characters, {@code ?} one character, case-sensitive);
     *     empty allows every SKU
     * @param locationKinds location kinds the client sees
     * @param locations single locations the client sees besides those of {@code locationKinds}; when both are empty,
     *     every location is visible
     */
    public PartnerFilter(List<String> skuPatterns, Set<LocationKind> locationKinds, Set<LocationRef> locations) {
        this.skuPatterns = List.copyOf(skuPatterns);
        this.compiled = this.skuPatterns.stream().map(PartnerFilter::compile).toList();
        this.locationKinds = locationKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(locationKinds));
        this.locations = Set.copyOf(locations);
    }

    /** One location: the account and the vendor's id (what a Location global id names). */
    public record LocationRef(String account, String nativeId) {
        public LocationRef {
            Objects.requireNonNull(account, "account is null");
            Objects.requireNonNull(nativeId, "nativeId is null");
        }
    }

    public List<String> skuPatterns() {
        return skuPatterns;
    }

    public Set<LocationKind> locationKinds() {
        return locationKinds;
    }

    public Set<LocationRef> locations() {
        return locations;
    }

    /** Whether the filter limits anything. */
    public boolean isLimited() {
        return !skuPatterns.isEmpty() || limitsLocations();
    }

    /** Whether some SKUs are hidden. */
    public boolean limitsSkus() {
        return !skuPatterns.isEmpty();
    }

    /** Whether some locations are hidden. */
    public boolean limitsLocations() {
        return !locationKinds.isEmpty() || !locations.isEmpty();
    }

    /** Whether deciding on a location needs its kind (not only its id). */
    public boolean needsLocationKinds() {
        return !locationKinds.isEmpty();
    }

    /** Whether the client may see this SKU; a null SKU is visible only without SKU limits. */
    public boolean allowsSku(String sku) {
        if (compiled.isEmpty()) {
            return true;
        }
        if (sku == null) {
            return false;
        }
        for (Pattern pattern : compiled) {
            if (pattern.matcher(sku).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the client may see a location.
     *
     * @param kind the location's kind; null when it cannot be read right now (then only an explicitly listed location is
     *     visible: the filter fails closed)
     */
    public boolean allowsLocation(String account, String nativeId, LocationKind kind) {
        if (!limitsLocations()) {
            return true;
        }
        return kind != null && locationKinds.contains(kind)
                || account != null && nativeId != null && locations.contains(new LocationRef(account, nativeId));
    }

    /** A SKU pattern as a regular expression: {@code *} and {@code ?} are the only wildcards, everything else is literal. */
    static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return isLimited() ? "partner filter (SKUs " + skuPatterns + ", location kinds " + locationKinds + ", " + locations.size()
                + " location(s))" : "no partner filter";
    }
}
