package dev.omnigate.simulator.world;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The brand's fixed catalogue: 17 products, 57 SKUs. Fixed (not seeded) so that SKUs are stable names
 * that documentation and tests can rely on.
 */
final class Catalogue {

    /** A product line before it is expanded into SKUs; {@code popularity} weights how often it sells. */
    record Line(String code, String title, String productType, String price, String compareAt, String colorOption,
            List<String> colors, String sizeOption, List<String> sizes, int popularity, List<String> tags) {
    }

    static final List<Line> LINES = List.of(
            new Line("SDJ", "Summit Down Jacket", "Jackets", "229.00", "279.00", "Color", List.of("Black", "Glacier"),
                    "Size", List.of("S", "M", "L", "XL"), 5, List.of("insulated", "winter")),
            new Line("RRS", "Ridgeline Rain Shell", "Jackets", "149.00", null, "Color", List.of("Moss", "Slate"),
                    "Size", List.of("S", "M", "L"), 4, List.of("waterproof")),
            new Line("TFP", "Trailhead Fleece Pullover", "Tops", "79.50", null, "Color", List.of("Heather Grey"),
                    "Size", List.of("S", "M", "L", "XL"), 6, List.of("fleece")),
            new Line("BMT", "Basecamp Merino Tee", "Tops", "54.00", "64.00", "Color", List.of("Charcoal", "Sand"),
                    "Size", List.of("S", "M", "L"), 7, List.of("merino", "sale")),
            new Line("SHP", "Switchback Hiking Pants", "Bottoms", "89.95", null, "Color", List.of("Khaki"),
                    "Waist", List.of("30", "32", "34", "36"), 5, List.of("hiking")),
            new Line("ATR", "Alpine Trail Runner", "Footwear", "139.99", null, "Color", List.of("Ember"),
                    "Size", List.of("8", "9", "10", "11"), 5, List.of("trail-running")),
            new Line("GHB", "Granite Hiking Boot", "Footwear", "189.00", "219.00", "Color", List.of("Brown"),
                    "Size", List.of("8", "9", "10", "11", "12"), 4, List.of("hiking", "sale")),
            new Line("C28", "Cascade 28L Daypack", "Packs", "119.00", null, "Color", List.of("Black", "Cobalt"),
                    null, List.of(), 6, List.of("daypack")),
            new Line("E65", "Expedition 65L Backpack", "Packs", "289.00", null, null, List.of(),
                    "Torso", List.of("M", "L"), 2, List.of("backpacking")),
            new Line("LIB", "Lakeside Insulated Bottle 32oz", "Accessories", "34.95", null, "Color",
                    List.of("Steel", "Sage", "Coral"), null, List.of(), 9, List.of("hydration")),
            new Line("F2T", "Featherlite 2P Tent", "Camping", "379.00", "429.00", null, List.of(), null, List.of(),
                    2, List.of("camping", "sale")),
            new Line("N20", "Nightfall 20F Sleeping Bag", "Camping", "249.00", null, null, List.of(),
                    "Length", List.of("Regular", "Long"), 2, List.of("camping")),
            new Line("MHS", "Merino Hiking Socks 3-Pack", "Accessories", "24.99", null, null, List.of(),
                    "Size", List.of("S", "M", "L"), 10, List.of("merino")),
            new Line("TKP", "Carbon Trekking Poles", "Accessories", "99.00", null, null, List.of(), null, List.of(),
                    3, List.of("hiking")),
            new Line("HL4", "Headlamp 400", "Accessories", "44.50", null, null, List.of(), null, List.of(), 6,
                    List.of("camping")),
            new Line("CMG", "Enamel Camp Mug", "Camping", "18.00", null, null, List.of(), null, List.of(), 7,
                    List.of("camping")),
            new Line("SUN", "Sun Hoodie UPF 50", "Tops", "59.00", null, "Color", List.of("Sky"),
                    "Size", List.of("S", "M", "L", "XL"), 6, List.of("summer")));

    private Catalogue() {
    }

    static final String VENDOR = "Omnigate Outfitters";

    /** Expands the lines into products and SKUs (appended to the given lists). */
    static void expand(List<Product> products, List<Sku> skus) {
        long barcode = 840_123_400_000L;
        for (int p = 0; p < LINES.size(); p++) {
            Line line = LINES.get(p);
            String key = "OO-" + line.code();
            List<String> optionNames = new ArrayList<>();
            if (line.colorOption() != null) {
                optionNames.add(line.colorOption());
            }
            if (line.sizeOption() != null) {
                optionNames.add(line.sizeOption());
            }
            List<List<String>> combinations = new ArrayList<>();
            List<String> colors = line.colors().isEmpty() ? java.util.Collections.singletonList(null) : line.colors();
            List<String> sizes = line.sizes().isEmpty() ? java.util.Collections.singletonList(null) : line.sizes();
            for (String color : colors) {
                for (String size : sizes) {
                    List<String> values = new ArrayList<>();
                    if (color != null) {
                        values.add(color);
                    }
                    if (size != null) {
                        values.add(size);
                    }
                    combinations.add(values);
                }
            }
            List<String> productSkus = new ArrayList<>();
            int position = 1;
            for (List<String> values : combinations) {
                String code = values.isEmpty() ? key
                        : key + "-" + String.join("-", values.stream().map(Catalogue::skuPart).toList());
                String title = values.isEmpty() ? "Default Title" : String.join(" / ", values);
                barcode += 7;
                skus.add(new Sku(code, key, title, values, position++, new BigDecimal(line.price()),
                        line.compareAt() == null ? null : new BigDecimal(line.compareAt()), upcA(barcode)));
                productSkus.add(code);
            }
            Instant created = Instant.parse("2024-08-01T16:00:00Z").plusSeconds(86_400L * 3 * p);
            products.add(new Product(key, line.title(), handle(line.title()), line.productType(), optionNames,
                    line.tags(), created, productSkus));
        }
    }

    private static String skuPart(String optionValue) {
        String upper = optionValue.toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        return upper.chars().allMatch(Character::isDigit) ? upper : upper.substring(0, Math.min(3, upper.length()));
    }

    private static String handle(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** An 11-digit number plus its UPC-A check digit. */
    private static String upcA(long elevenDigits) {
        String digits = String.format("%011d", elevenDigits % 100_000_000_000L);
        int odd = 0;
        int even = 0;
        for (int i = 0; i < 11; i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                odd += d;
            } else {
                even += d;
            }
        }
        int check = (10 - ((odd * 3 + even) % 10)) % 10;
        return digits + check;
    }
}
