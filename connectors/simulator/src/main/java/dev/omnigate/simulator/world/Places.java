package dev.omnigate.simulator.world;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The brand's fixed locations and the towns its customers live in. */
final class Places {

    private Places() {
    }

    static final String WAREHOUSE_WEST = "WH-RENO";
    static final String WAREHOUSE_EAST = "WH-COLUMBUS";
    static final String STORE_SAN_FRANCISCO = "STORE-SF";
    static final String STORE_PALO_ALTO = "STORE-PALO-ALTO";
    static final String STORE_PORTLAND = "STORE-PORTLAND";
    static final String STORE_BOULDER = "STORE-BOULDER";
    static final String AMAZON_FBA = "FBA-ONT8";

    private static final Set<Channel> OWN_SITE = Set.of(Channel.SHOPIFY, Channel.POS);

    static List<Location> locations() {
        return List.of(
                new Location(WAREHOUSE_WEST, "Reno Distribution Center", LocationKind.WAREHOUSE,
                        new PostalAddress("4955 Longley Ln", "Suite 110", "Reno", "Nevada", "NV", "89502", "US"),
                        new GeoPoint(39.4842, -119.7787), "+17755550110", true, true, null, Set.of(Channel.SHOPIFY),
                        Instant.parse("2024-07-15T17:00:00Z")),
                new Location(WAREHOUSE_EAST, "Columbus Distribution Center", LocationKind.WAREHOUSE,
                        new PostalAddress("6200 Port Rd", null, "Groveport", "Ohio", "OH", "43125", "US"),
                        new GeoPoint(39.8573, -82.9094), "+16145550120", true, true, null, Set.of(Channel.SHOPIFY),
                        Instant.parse("2024-07-15T17:05:00Z")),
                new Location(STORE_SAN_FRANCISCO, "Omnigate Outfitters San Francisco", LocationKind.STORE,
                        new PostalAddress("2335 Market St", null, "San Francisco", "California", "CA", "94114", "US"),
                        new GeoPoint(37.7643, -122.4330), "+14155550100", true, false,
                        new PickupSettings(Duration.ofHours(2), "Collect at the counter by the entrance; bring your order number."),
                        OWN_SITE, Instant.parse("2024-07-20T17:00:00Z")),
                new Location(STORE_PALO_ALTO, "Omnigate Outfitters Palo Alto", LocationKind.STORE,
                        new PostalAddress("180 University Ave", null, "Palo Alto", "California", "CA", "94301", "US"),
                        new GeoPoint(37.4445, -122.1616), "+16505550100", true, false,
                        new PickupSettings(Duration.ofHours(4), "Pickup desk at the back of the store, open 10am-7pm."),
                        OWN_SITE, Instant.parse("2024-07-20T17:10:00Z")),
                new Location(STORE_PORTLAND, "Omnigate Outfitters Portland", LocationKind.STORE,
                        new PostalAddress("921 SW Morrison St", null, "Portland", "Oregon", "OR", "97205", "US"),
                        new GeoPoint(45.5200, -122.6815), "+15035550100", true, false,
                        new PickupSettings(Duration.ofHours(24), "Ask any staff member; photo ID required."),
                        OWN_SITE, Instant.parse("2024-08-02T17:00:00Z")),
                new Location(STORE_BOULDER, "Omnigate Outfitters Boulder", LocationKind.STORE,
                        new PostalAddress("1600 Pearl St", null, "Boulder", "Colorado", "CO", "80302", "US"),
                        new GeoPoint(40.0189, -105.2747), "+13035550100", true, false,
                        new PickupSettings(Duration.ofHours(2), "Curbside pickup available; call when you arrive."),
                        OWN_SITE, Instant.parse("2024-08-09T17:00:00Z")),
                new Location(AMAZON_FBA, "Amazon FBA ONT8 (Moreno Valley)", LocationKind.MARKETPLACE_FULFILLMENT,
                        new PostalAddress("24300 Nandina Ave", null, "Moreno Valley", "California", "CA", "92551", "US"),
                        new GeoPoint(33.8871, -117.2598), null, false, true, null, Set.of(Channel.AMAZON),
                        Instant.parse("2024-09-01T17:00:00Z")));
    }

    /** A town customers live in: its area code, ZIP codes and streets make addresses look real. */
    record Town(String city, String state, String stateCode, String areaCode, List<String> zips, GeoPoint geo,
            List<String> streets) {
    }

    static final List<Town> TOWNS = List.of(
            new Town("San Francisco", "California", "CA", "415", List.of("94110", "94114", "94117", "94122"),
                    new GeoPoint(37.7749, -122.4194), List.of("Fell St", "Valencia St", "Irving St", "Clement St", "Noe St")),
            new Town("Oakland", "California", "CA", "510", List.of("94606", "94610", "94611"),
                    new GeoPoint(37.8044, -122.2712), List.of("Grand Ave", "Lakeshore Ave", "College Ave")),
            new Town("Berkeley", "California", "CA", "510", List.of("94703", "94705", "94709"),
                    new GeoPoint(37.8715, -122.2730), List.of("Shattuck Ave", "Cedar St", "Russell St")),
            new Town("San Jose", "California", "CA", "408", List.of("95112", "95125", "95128"),
                    new GeoPoint(37.3382, -121.8863), List.of("Lincoln Ave", "Meridian Ave", "Bird Ave")),
            new Town("Palo Alto", "California", "CA", "650", List.of("94301", "94303", "94306"),
                    new GeoPoint(37.4419, -122.1430), List.of("Waverley St", "Middlefield Rd", "Bryant St")),
            new Town("Los Angeles", "California", "CA", "213", List.of("90026", "90039", "90042"),
                    new GeoPoint(34.0522, -118.2437), List.of("Sunset Blvd", "Griffith Park Blvd", "York Blvd")),
            new Town("Portland", "Oregon", "OR", "503", List.of("97202", "97209", "97214"),
                    new GeoPoint(45.5152, -122.6784), List.of("SE Hawthorne Blvd", "NW 23rd Ave", "SE Division St")),
            new Town("Seattle", "Washington", "WA", "206", List.of("98103", "98107", "98122"),
                    new GeoPoint(47.6062, -122.3321), List.of("Fremont Ave N", "NW Market St", "E Pike St")),
            new Town("Boulder", "Colorado", "CO", "303", List.of("80302", "80304"),
                    new GeoPoint(40.0150, -105.2705), List.of("Mapleton Ave", "Spruce St", "Pine St")),
            new Town("Denver", "Colorado", "CO", "720", List.of("80205", "80206", "80218"),
                    new GeoPoint(39.7392, -104.9903), List.of("E Colfax Ave", "Downing St", "York St")),
            new Town("Salt Lake City", "Utah", "UT", "801", List.of("84102", "84105"),
                    new GeoPoint(40.7608, -111.8910), List.of("E 900 S", "S 1300 E")),
            new Town("Austin", "Texas", "TX", "512", List.of("78704", "78751"),
                    new GeoPoint(30.2672, -97.7431), List.of("S Congress Ave", "Duval St")),
            new Town("Chicago", "Illinois", "IL", "312", List.of("60614", "60622"),
                    new GeoPoint(41.8781, -87.6298), List.of("N Clark St", "W Division St")),
            new Town("Brooklyn", "New York", "NY", "718", List.of("11211", "11215", "11238"),
                    new GeoPoint(40.6782, -73.9442), List.of("Bedford Ave", "7th Ave", "Vanderbilt Ave")),
            new Town("Boston", "Massachusetts", "MA", "617", List.of("02116", "02130"),
                    new GeoPoint(42.3601, -71.0589), List.of("Newbury St", "Centre St")));

    /** State sales tax rates applied to the subtotal (simplified: state level only). */
    static final Map<String, BigDecimal> TAX_RATES = Map.of(
            "CA", new BigDecimal("0.0725"), "OR", BigDecimal.ZERO, "WA", new BigDecimal("0.065"),
            "CO", new BigDecimal("0.029"), "UT", new BigDecimal("0.0485"), "TX", new BigDecimal("0.0625"),
            "IL", new BigDecimal("0.0625"), "NY", new BigDecimal("0.04"), "MA", new BigDecimal("0.0625"),
            "NV", new BigDecimal("0.0685"));

    static final List<String> FIRST_NAMES = List.of("Liam", "Olivia", "Noah", "Emma", "Mateo", "Sofia", "Ethan",
            "Mia", "Lucas", "Isabella", "Jackson", "Harper", "Aiden", "Amelia", "Elijah", "Evelyn", "James",
            "Abigail", "Benjamin", "Emily", "Sebastian", "Ella", "Jack", "Scarlett", "Owen", "Grace", "Daniel",
            "Chloe", "Henry", "Zoe", "Samuel", "Nora", "David", "Lily", "Joseph", "Hannah", "Wyatt", "Layla",
            "Leo", "Aria", "Julian", "Riley", "Ezra", "Priya", "Kenji", "Mei", "Diego", "Camila", "Omar", "Fatima",
            "Arjun", "Ananya", "Tomas", "Lucia", "Malik", "Imani", "Ravi", "Yuki", "Marcus", "Elena");

    static final List<String> LAST_NAMES = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
            "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
            "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris",
            "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
            "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera",
            "Campbell", "Mitchell", "Carter", "Roberts", "Patel", "Kim", "Nakamura", "Okafor", "Silva", "Kowalski",
            "Haddad", "Larsen", "O'Brien", "Schmidt");
}
