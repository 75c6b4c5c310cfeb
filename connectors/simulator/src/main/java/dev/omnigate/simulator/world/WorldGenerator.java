package dev.omnigate.simulator.world;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds the {@link DemoWorld} from a seed. Deterministic: one {@link Random} drives every choice in a fixed
 * order and nothing reads the clock, so the same seed always gives an equal world. Ava Chen's records are
 * fixed by hand; everyone else is drawn from the seed.
 */
public final class WorldGenerator {

    /** How many people the world holds (Ava included). */
    public static final int PEOPLE = 180;
    /** Share of people (besides Ava) who appear on more than one channel. */
    private static final double MULTI_CHANNEL_SHARE = 0.36;
    private static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("99.00");
    private static final BigDecimal STANDARD_SHIPPING = new BigDecimal("7.95");
    private static final Duration BACKLOG_WINDOW = Duration.ofDays(14);
    private static final String AMAZON_RELAY_DOMAIN = "@marketplace.amazon.com";
    private static final String TIKTOK_RELAY_DOMAIN = "@chat.seller.tiktok.com";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String RELAY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String MIXED_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final long seed;
    private final Random random;
    private final Map<String, Location> locations = new HashMap<>();
    private final List<Location> locationList = Places.locations();
    private final List<Product> products = new ArrayList<>();
    private final List<Sku> skus = new ArrayList<>();
    private final Map<String, Sku> skuByCode = new HashMap<>();
    private final Map<String, Product> productByKey = new HashMap<>();
    private final List<String> weightedSkus = new ArrayList<>();
    private final List<String> fbaSkus = new ArrayList<>();
    private final Set<String> usedEmails = new HashSet<>();
    private final Set<String> usedPhones = new HashSet<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedTokens = new HashSet<>();

    private WorldGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        locationList.forEach(l -> locations.put(l.key(), l));
        Catalogue.expand(products, skus);
        skus.forEach(s -> skuByCode.put(s.sku(), s));
        products.forEach(p -> productByKey.put(p.key(), p));
        for (Catalogue.Line line : Catalogue.LINES) {
            for (Sku sku : skus) {
                if (sku.productKey().equals("OO-" + line.code())) {
                    for (int i = 0; i < line.popularity(); i++) {
                        weightedSkus.add(sku.sku());
                    }
                    if (line.popularity() >= 6) {
                        fbaSkus.add(sku.sku());
                    }
                }
            }
        }
    }

    /** Generates the world for a seed; {@code SandboxOptions.DEFAULT_SEED} gives the documented data set. */
    public static DemoWorld generate(long seed) {
        return new WorldGenerator(seed).build();
    }

    private DemoWorld build() {
        List<PersonDraft> people = new ArrayList<>();
        people.add(ava());
        for (int i = 1; i < PEOPLE; i++) {
            people.add(randomPerson(i));
        }
        assignChannels(people);
        List<OrderDraft> orders = new ArrayList<>(avaOrders(people.getFirst()));
        for (PersonDraft person : people.subList(1, people.size())) {
            orders.addAll(randomOrders(person));
        }
        assignNativeIds(people);
        List<Order> finalOrders = finishOrders(orders);
        List<Ticket> tickets = tickets(people, finalOrders);
        List<StockLevel> stock = stock(finalOrders);
        List<Person> finalPeople = people.stream().map(PersonDraft::toPerson).toList();
        Brand brand = new Brand("Omnigate Outfitters", "USD", "America/Los_Angeles", "help@omnigate-outfitters.example");
        return new DemoWorld(seed, brand, locationList, products, skus, stock, finalPeople, finalOrders, tickets);
    }

    // ---------------------------------------------------------------- people

    private PersonDraft ava() {
        PersonDraft ava = new PersonDraft();
        ava.key = DemoWorld.AVA_KEY;
        ava.first = "Ava";
        ava.last = "Chen";
        ava.email = "ava.chen@example.com";
        ava.phone = "+14155550142";
        ava.town = Places.TOWNS.getFirst();
        ava.address = new PostalAddress("1847 Fell St", "Apt 3", "San Francisco", "California", "CA", "94117", "US");
        ava.createdAt = Instant.parse("2024-12-03T18:22:41Z");
        usedEmails.add(ava.email);
        usedPhones.add(ava.phone);
        usedNames.add("Ava Chen");
        String amazonRelay = "q4k8m2x7v1c9d3nb" + AMAZON_RELAY_DOMAIN;
        String tiktokRelay = "v2Ak9Qm3Lx7T" + TIKTOK_RELAY_DOMAIN;
        ava.put(new PresenceDraft(Channel.SHOPIFY, null, "Ava Chen",
                List.of(personal("ava.chen@example.com")), "+14155550142", ava.createdAt));
        ava.put(new PresenceDraft(Channel.AMAZON, amazonRelay, "Ava Chen",
                List.of(relay(amazonRelay)), null, Instant.parse("2025-06-11T02:31:09Z")));
        ava.put(new PresenceDraft(Channel.TIKTOK_SHOP, "7494051187223160119", "Ava C.",
                List.of(relay(tiktokRelay)), "(+1)415*****42", Instant.parse("2026-02-27T05:10:44Z")));
        ava.put(new PresenceDraft(Channel.POS, "CE6NJ2V4QK8XG1AVA0S7T3M5PR", "Ava Chen",
                List.of(personal(" Ava.Chen@Example.com ")), "(415) 555-0142", Instant.parse("2025-08-23T20:14:02Z")));
        ava.put(new PresenceDraft(Channel.HELPDESK, "381926450117", "Ava Chen",
                List.of(personal("ava.chen@example.com"), relay(amazonRelay), relay(tiktokRelay)), "415.555.0142",
                Instant.parse("2026-03-12T22:40:55Z")));
        return ava;
    }

    private PersonDraft randomPerson(int index) {
        PersonDraft p = new PersonDraft();
        p.key = String.format("P%04d", index + 1);
        do {
            p.first = pick(Places.FIRST_NAMES);
            p.last = pick(Places.LAST_NAMES);
        } while (!usedNames.add(p.first + " " + p.last));
        p.town = pick(Places.TOWNS);
        p.email = uniqueEmail(p.first, p.last);
        if (random.nextDouble() < 0.06) {
            p.secondEmail = uniqueEmail(p.first.substring(0, 1), p.last + (10 + random.nextInt(89)));
        }
        if (random.nextDouble() < 0.86) {
            p.phone = uniquePhone(p.town.areaCode());
        }
        String address2 = random.nextDouble() < 0.25 ? "Apt " + (1 + random.nextInt(40)) : null;
        p.address = new PostalAddress((100 + random.nextInt(4900)) + " " + pick(p.town.streets()), address2,
                p.town.city(), p.town.state(), p.town.stateCode(), pick(p.town.zips()), "US");
        p.createdAt = between(Instant.parse("2024-09-01T00:00:00Z"), Instant.parse("2026-09-15T00:00:00Z"));
        return p;
    }

    private String uniqueEmail(String first, String last) {
        String local = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
        String[] domains = {"example.com", "example.net", "example.org"};
        String candidate = local + "@" + domains[random.nextInt(domains.length)];
        int suffix = 2;
        while (!usedEmails.add(candidate)) {
            candidate = local + suffix++ + "@" + domains[random.nextInt(domains.length)];
        }
        return candidate;
    }

    private String uniquePhone(String areaCode) {
        // 555-0100..0199 is the range reserved for fictional use
        for (int attempt = 0; attempt < 500; attempt++) {
            String candidate = "+1" + areaCode + "5550" + (100 + random.nextInt(100));
            if (usedPhones.add(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private void assignChannels(List<PersonDraft> people) {
        List<PersonDraft> others = new ArrayList<>(people.subList(1, people.size()));
        Collections.shuffle(others, random);
        int multi = (int) Math.ceil(others.size() * MULTI_CHANNEL_SHARE);
        List<Channel> extras = List.of(Channel.AMAZON, Channel.TIKTOK_SHOP, Channel.POS, Channel.HELPDESK);
        for (int i = 0; i < others.size(); i++) {
            PersonDraft p = others.get(i);
            Set<Channel> channels = new HashSet<>();
            if (i < multi) {
                boolean shopify = random.nextDouble() < 0.9;
                if (shopify) {
                    channels.add(Channel.SHOPIFY);
                }
                List<Channel> shuffled = new ArrayList<>(extras);
                Collections.shuffle(shuffled, random);
                int count = (shopify ? 1 : 2) + random.nextInt(shopify ? 3 : 2);
                channels.addAll(shuffled.subList(0, count));
            } else {
                double r = random.nextDouble();
                channels.add(r < 0.9 ? Channel.SHOPIFY : r < 0.95 ? Channel.POS : Channel.AMAZON);
            }
            for (Channel channel : Channel.values()) {
                if (channels.contains(channel)) {
                    p.put(randomPresence(p, channel));
                }
            }
        }
    }

    private PresenceDraft randomPresence(PersonDraft p, Channel channel) {
        Instant latest = DemoWorld.CALENDAR_END.minus(Duration.ofDays(30));
        Instant created = p.createdAt.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 90)));
        if (created.isAfter(latest)) {
            created = p.createdAt.isAfter(latest) ? p.createdAt : latest;
        }
        String name = p.first + " " + p.last;
        return switch (channel) {
            case SHOPIFY -> {
                String email = p.secondEmail != null && random.nextDouble() < 0.4 ? p.secondEmail : p.email;
                String phone = p.phone != null && random.nextDouble() < 0.85 ? p.phone : null;
                yield new PresenceDraft(channel, null, name, List.of(personal(email)), phone, created);
            }
            case AMAZON -> {
                String relayAddress = token(RELAY_ALPHABET, 16) + AMAZON_RELAY_DOMAIN;
                yield new PresenceDraft(channel, relayAddress, name, List.of(relay(relayAddress)), null, created);
            }
            case TIKTOK_SHOP -> {
                String userId = "7494" + digits(15);
                String phone = p.phone == null ? null : "(+1)" + p.phone.substring(2, 5) + "*****" + p.phone.substring(10);
                yield new PresenceDraft(channel, userId, p.first + " " + p.last.charAt(0) + ".",
                        List.of(relay("v2" + token(MIXED_ALPHABET, 10) + TIKTOK_RELAY_DOMAIN)), phone, created);
            }
            case POS -> {
                List<ChannelEmail> emails = random.nextDouble() < 0.12 ? List.of()
                        : List.of(personal(emailAsTyped(p.secondEmail != null && random.nextBoolean() ? p.secondEmail : p.email)));
                yield new PresenceDraft(channel, token(ALPHANUMERIC, 26), name, emails,
                        p.phone == null ? null : phoneAsTyped(p.phone), created);
            }
            case HELPDESK -> new PresenceDraft(channel, null, name, List.of(personal(emailAsTyped(p.email))),
                    p.phone == null || random.nextDouble() < 0.4 ? null : phoneAsTyped(p.phone), created);
        };
    }

    /** The address as a clerk or customer typed it: odd capitals, stray spaces. */
    private String emailAsTyped(String email) {
        int at = email.indexOf('@');
        return switch (random.nextInt(5)) {
            case 0 -> email;
            case 1 -> capitalizeParts(email.substring(0, at)) + "@" + capitalizeParts(email.substring(at + 1));
            case 2 -> email.toUpperCase(Locale.ROOT);
            case 3 -> " " + email + " ";
            default -> capitalizeParts(email.substring(0, at)) + email.substring(at) + " ";
        };
    }

    /** A US number in one of the formats people and tills use. */
    private String phoneAsTyped(String e164) {
        String area = e164.substring(2, 5);
        String exchange = e164.substring(5, 8);
        String line = e164.substring(8);
        return switch (random.nextInt(6)) {
            case 0 -> "(" + area + ") " + exchange + "-" + line;
            case 1 -> area + "." + exchange + "." + line;
            case 2 -> "+1 " + area + " " + exchange + " " + line;
            case 3 -> area + "-" + exchange + "-" + line;
            case 4 -> "+1 " + area + "-" + exchange + "-" + line;
            default -> "1-" + area + "-" + exchange + "-" + line;
        };
    }

    private static String capitalizeParts(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '.' || c == '-' || c == '_';
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- orders

    private List<OrderDraft> avaOrders(PersonDraft ava) {
        PresenceDraft amazon = ava.presences.get(Channel.AMAZON);
        PresenceDraft tiktok = ava.presences.get(Channel.TIKTOK_SHOP);
        PresenceDraft pos = ava.presences.get(Channel.POS);
        List<OrderDraft> orders = new ArrayList<>();
        orders.add(fixed(ava, Channel.SHOPIFY, "2025-02-14T19:05:12Z", FulfillmentMethod.SHIPPING, Places.WAREHOUSE_WEST,
                Outcome.FULFILLED, Duration.ofHours(46), null, "ava.chen@example.com", "+14155550142",
                line("OO-SDJ-GLA-M", 1), line("OO-MHS-M", 1)));
        orders.add(fixed(ava, Channel.SHOPIFY, "2025-08-09T17:40:03Z", FulfillmentMethod.PICKUP, Places.STORE_SAN_FRANCISCO,
                Outcome.FULFILLED, Duration.ofHours(3), null, "ava.chen@example.com", "+14155550142",
                line("OO-C28-BLA", 1)));
        orders.add(fixed(ava, Channel.SHOPIFY, "2026-10-28T16:12:45Z", FulfillmentMethod.SHIPPING, Places.WAREHOUSE_WEST,
                Outcome.OPEN, Duration.ZERO, null, "ava.chen@example.com", "+14155550142", line("OO-TFP-HEA-M", 1)));
        orders.add(fixed(ava, Channel.POS, "2025-08-23T20:15:37Z", FulfillmentMethod.PICKUP, Places.STORE_SAN_FRANCISCO,
                Outcome.FULFILLED, Duration.ofMinutes(50), "CAISEOx1ZAvA4pn1bDc0rRBhcEw", pos.emails.getFirst().address(),
                pos.phone, line("OO-LIB-SAG", 2)));
        orders.add(fixed(ava, Channel.TIKTOK_SHOP, "2026-03-05T03:14:27Z", FulfillmentMethod.SHIPPING,
                Places.WAREHOUSE_WEST, Outcome.FULFILLED, Duration.ofHours(30), "576894201338511223",
                tiktok.emails.getFirst().address(), null, line("OO-SUN-SKY-S", 1)));
        orders.add(fixed(ava, Channel.AMAZON, "2026-10-20T14:48:09Z", FulfillmentMethod.MARKETPLACE_FULFILLED,
                Places.AMAZON_FBA, Outcome.FULFILLED, Duration.ofHours(20), "114-3941689-8772232",
                amazon.emails.getFirst().address(), null, line("OO-HL4", 1), line("OO-LIB-STE", 1)));
        return orders;
    }

    private OrderDraft fixed(PersonDraft person, Channel channel, String createdAt, FulfillmentMethod method,
            String locationKey, Outcome outcome, Duration fulfilmentDelay, String nativeId, String buyerEmail,
            String buyerPhone, LineDraft... lines) {
        OrderDraft o = new OrderDraft();
        o.person = person;
        o.channel = channel;
        o.createdAt = Instant.parse(createdAt);
        o.method = method;
        o.locationKey = locationKey;
        o.shipTo = method == FulfillmentMethod.SHIPPING || method == FulfillmentMethod.MARKETPLACE_FULFILLED ? person.address : null;
        o.lines = List.of(lines);
        o.outcome = outcome;
        o.fulfilmentDelay = fulfilmentDelay;
        o.nativeId = nativeId;
        o.buyerEmail = buyerEmail;
        o.buyerPhone = buyerPhone;
        return o;
    }

    private LineDraft line(String sku, int quantity) {
        return new LineDraft(skuByCode.get(sku), quantity);
    }

    private List<OrderDraft> randomOrders(PersonDraft person) {
        List<OrderDraft> orders = new ArrayList<>();
        for (PresenceDraft presence : person.presences.values()) {
            int count = switch (presence.channel) {
                case SHOPIFY -> pickWeighted(new int[] {1, 2, 3, 4, 5, 6, 8}, new int[] {30, 25, 18, 12, 8, 5, 2});
                case AMAZON -> 1 + random.nextInt(3);
                case TIKTOK_SHOP -> 1 + random.nextInt(2);
                case POS -> 1 + random.nextInt(4);
                case HELPDESK -> 0;
            };
            for (int i = 0; i < count; i++) {
                orders.add(randomOrder(person, presence));
            }
        }
        return orders;
    }

    private OrderDraft randomOrder(PersonDraft person, PresenceDraft presence) {
        OrderDraft o = new OrderDraft();
        o.person = person;
        o.channel = presence.channel;
        Instant from = presence.createdAt.isBefore(DemoWorld.CALENDAR_START) ? DemoWorld.CALENDAR_START : presence.createdAt;
        o.createdAt = seasonalInstant(from, DemoWorld.CALENDAR_END.minus(Duration.ofHours(2)));
        Location nearestStore = nearest(person.town.geo(), LocationKind.STORE);
        Location nearestWarehouse = nearest(person.town.geo(), LocationKind.WAREHOUSE);
        boolean storeNearby = nearestStore.geo().distanceKm(person.town.geo()) < 150;
        switch (presence.channel) {
            case SHOPIFY -> {
                o.method = storeNearby && random.nextDouble() < 0.35 ? FulfillmentMethod.PICKUP : FulfillmentMethod.SHIPPING;
                o.locationKey = o.method == FulfillmentMethod.PICKUP ? nearestStore.key() : nearestWarehouse.key();
            }
            case AMAZON -> {
                o.method = FulfillmentMethod.MARKETPLACE_FULFILLED;
                o.locationKey = Places.AMAZON_FBA;
            }
            case TIKTOK_SHOP -> {
                o.method = FulfillmentMethod.SHIPPING;
                o.locationKey = nearestWarehouse.key();
            }
            case POS -> {
                o.method = FulfillmentMethod.IN_STORE;
                o.locationKey = storeNearby ? nearestStore.key() : pick(locationList.stream()
                        .filter(l -> l.kind() == LocationKind.STORE).toList()).key();
            }
            case HELPDESK -> throw new IllegalStateException("the helpdesk takes no orders");
        }
        o.shipTo = o.method == FulfillmentMethod.SHIPPING || o.method == FulfillmentMethod.MARKETPLACE_FULFILLED
                ? person.address : null;
        List<String> pool = o.channel == Channel.AMAZON ? fbaSkus : weightedSkus;
        int lineCount = o.channel == Channel.AMAZON ? 1 : pickWeighted(new int[] {1, 2, 3}, new int[] {55, 30, 15});
        List<LineDraft> lines = new ArrayList<>();
        Set<String> chosen = new HashSet<>();
        while (lines.size() < lineCount) {
            String sku = pick(pool);
            if (chosen.add(sku)) {
                lines.add(new LineDraft(skuByCode.get(sku), random.nextDouble() < 0.85 ? 1 : 2));
            }
        }
        o.lines = lines;
        o.buyerEmail = presence.emails.isEmpty() ? null : presence.emails.getFirst().address();
        o.buyerPhone = presence.channel == Channel.AMAZON ? null : presence.phone;
        o.fulfilmentDelay = switch (o.method) {
            case SHIPPING -> Duration.ofHours(6 + random.nextInt(90));
            case PICKUP -> Duration.ofHours(2 + random.nextInt(46));
            case IN_STORE -> Duration.ZERO;
            case MARKETPLACE_FULFILLED -> Duration.ofHours(12 + random.nextInt(60));
        };
        if (o.method != FulfillmentMethod.IN_STORE && o.createdAt.isAfter(DemoWorld.CALENDAR_END.minus(BACKLOG_WINDOW))) {
            // the autumn sale left a backlog: recent orders wait longer, so the calendar ends with open orders
            o.fulfilmentDelay = Duration.ofHours(24 + random.nextInt(460));
        }
        return o;
    }

    /** Uniform over the range, but November and December count double (holiday shopping). */
    private Instant seasonalInstant(Instant from, Instant to) {
        while (true) {
            Instant candidate = between(from, to);
            int month = candidate.atZone(ZoneOffset.UTC).getMonthValue();
            if (month >= 11 || random.nextDouble() < 0.5) {
                return candidate;
            }
        }
    }

    private Location nearest(GeoPoint point, LocationKind kind) {
        return locationList.stream().filter(l -> l.kind() == kind)
                .min(Comparator.comparingDouble(l -> l.geo().distanceKm(point))).orElseThrow();
    }

    private List<Order> finishOrders(List<OrderDraft> drafts) {
        drafts.sort(Comparator.comparing((OrderDraft o) -> o.createdAt).thenComparing(o -> o.channel)
                .thenComparing(o -> o.person.key));
        List<Order> orders = new ArrayList<>(drafts.size());
        int shopifyNumber = 0;
        for (int i = 0; i < drafts.size(); i++) {
            OrderDraft d = drafts.get(i);
            String nativeId;
            String displayName;
            switch (d.channel) {
                case SHOPIFY -> {
                    nativeId = Long.toString(6_120_448_000_018L + 32_768L * shopifyNumber);
                    displayName = "#" + (1001 + shopifyNumber);
                    shopifyNumber++;
                }
                case AMAZON -> {
                    nativeId = d.nativeId != null ? d.nativeId : (111 + random.nextInt(4)) + "-" + digits(7) + "-" + digits(7);
                    displayName = nativeId;
                }
                case TIKTOK_SHOP -> {
                    nativeId = d.nativeId != null ? d.nativeId : "5768" + digits(14);
                    displayName = nativeId;
                }
                case POS -> {
                    nativeId = d.nativeId != null ? d.nativeId : token(MIXED_ALPHABET, 27);
                    displayName = nativeId.substring(0, 6).toUpperCase(Locale.ROOT);
                }
                default -> throw new IllegalStateException("no orders on " + d.channel);
            }
            orders.add(resolve(d, String.format("O%05d", i + 1), nativeId, displayName));
        }
        return orders;
    }

    private enum Outcome { FULFILLED, OPEN, PARTIALLY_FULFILLED, CANCELLED_VOIDED, CANCELLED_REFUNDED, REFUNDED, PARTIALLY_REFUNDED }

    private Order resolve(OrderDraft d, String key, String nativeId, String displayName) {
        BigDecimal subtotal = d.lines.stream().map(l -> l.sku.price().multiply(BigDecimal.valueOf(l.quantity)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shipping = d.method == FulfillmentMethod.SHIPPING && d.channel == Channel.SHOPIFY
                && subtotal.compareTo(FREE_SHIPPING_FROM) < 0 ? STANDARD_SHIPPING : new BigDecimal("0.00");
        String taxState = d.shipTo != null ? d.shipTo.provinceCode() : locations.get(d.locationKey).address().provinceCode();
        BigDecimal tax = subtotal.multiply(Places.TAX_RATES.getOrDefault(taxState, new BigDecimal("0.05")))
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = subtotal.add(shipping).add(tax);

        Instant fulfilledAt = d.createdAt.plus(d.fulfilmentDelay);
        Outcome outcome = d.outcome;
        if (outcome == null) {
            double r = random.nextDouble();
            if (d.method != FulfillmentMethod.IN_STORE && r < 0.035) {
                outcome = random.nextBoolean() ? Outcome.CANCELLED_VOIDED : Outcome.CANCELLED_REFUNDED;
            } else if (!fulfilledAt.isBefore(DemoWorld.CALENDAR_END)) {
                outcome = d.lines.size() > 1 && random.nextDouble() < 0.3 ? Outcome.PARTIALLY_FULFILLED : Outcome.OPEN;
            } else {
                double r2 = random.nextDouble();
                outcome = r2 < 0.04 ? Outcome.REFUNDED : r2 < 0.07 ? Outcome.PARTIALLY_REFUNDED : Outcome.FULFILLED;
            }
        }
        Instant cancelledAt = null;
        Instant closedAt = null;
        Instant updatedAt;
        FinancialStatus financial;
        FulfillmentStatus fulfillment;
        BigDecimal refunded = new BigDecimal("0.00");
        List<OrderLine> lines = new ArrayList<>();
        Instant refundAt = fulfilledAt.plus(Duration.ofHours(24L * (5 + random.nextInt(16))));
        if ((outcome == Outcome.REFUNDED || outcome == Outcome.PARTIALLY_REFUNDED) && !refundAt.isBefore(DemoWorld.CALENDAR_END)) {
            outcome = Outcome.FULFILLED;
        }
        switch (outcome) {
            case FULFILLED -> {
                financial = FinancialStatus.PAID;
                fulfillment = FulfillmentStatus.FULFILLED;
                updatedAt = fulfilledAt;
                closedAt = fulfilledAt;
                d.lines.forEach(l -> lines.add(l.toLine(l.quantity, l.quantity)));
            }
            case OPEN, PARTIALLY_FULFILLED -> {
                double r = d.outcome != null ? 0 : random.nextDouble();
                financial = r < 0.8 ? FinancialStatus.PAID
                        : r < 0.95 || d.method != FulfillmentMethod.PICKUP ? FinancialStatus.AUTHORIZED : FinancialStatus.PENDING;
                boolean partial = outcome == Outcome.PARTIALLY_FULFILLED;
                fulfillment = partial ? FulfillmentStatus.PARTIALLY_FULFILLED : FulfillmentStatus.UNFULFILLED;
                updatedAt = earliest(d.createdAt.plus(Duration.ofMinutes(partial ? 600 : 2)),
                        DemoWorld.CALENDAR_END.minusSeconds(1));
                for (int i = 0; i < d.lines.size(); i++) {
                    LineDraft l = d.lines.get(i);
                    lines.add(l.toLine(l.quantity, partial && i == 0 ? l.quantity : 0));
                }
            }
            case CANCELLED_VOIDED, CANCELLED_REFUNDED -> {
                cancelledAt = d.createdAt.plus(Duration.ofHours(1 + random.nextInt(20)));
                if (!cancelledAt.isBefore(DemoWorld.CALENDAR_END)) {
                    cancelledAt = d.createdAt.plus(Duration.ofMinutes(30));
                }
                closedAt = cancelledAt;
                updatedAt = cancelledAt;
                financial = outcome == Outcome.CANCELLED_VOIDED ? FinancialStatus.VOIDED : FinancialStatus.REFUNDED;
                fulfillment = FulfillmentStatus.UNFULFILLED;
                if (outcome == Outcome.CANCELLED_REFUNDED) {
                    refunded = total;
                }
                d.lines.forEach(l -> lines.add(l.toLine(0, 0)));
            }
            case REFUNDED -> {
                financial = FinancialStatus.REFUNDED;
                fulfillment = FulfillmentStatus.FULFILLED;
                closedAt = fulfilledAt;
                updatedAt = refundAt;
                refunded = total;
                d.lines.forEach(l -> lines.add(l.toLine(0, l.quantity)));
            }
            case PARTIALLY_REFUNDED -> {
                financial = FinancialStatus.PARTIALLY_REFUNDED;
                fulfillment = FulfillmentStatus.FULFILLED;
                closedAt = fulfilledAt;
                updatedAt = refundAt;
                refunded = d.lines.getFirst().sku.price();
                for (int i = 0; i < d.lines.size(); i++) {
                    LineDraft l = d.lines.get(i);
                    lines.add(l.toLine(i == 0 ? l.quantity - 1 : l.quantity, l.quantity));
                }
            }
            default -> throw new IllegalStateException("unhandled outcome " + outcome);
        }
        return new Order(key, d.channel, nativeId, displayName, d.person.key, d.buyerEmail, d.buyerPhone, d.createdAt,
                updatedAt, cancelledAt, closedAt, financial, fulfillment, d.method, d.locationKey, d.shipTo, lines,
                subtotal, shipping, tax, total, refunded);
    }

    // ---------------------------------------------------------------- ids, tickets, stock

    private void assignNativeIds(List<PersonDraft> people) {
        List<PresenceDraft> shopify = new ArrayList<>();
        List<PresenceDraft> helpdesk = new ArrayList<>();
        for (PersonDraft p : people) {
            PresenceDraft s = p.presences.get(Channel.SHOPIFY);
            if (s != null) {
                shopify.add(s);
            }
            PresenceDraft h = p.presences.get(Channel.HELPDESK);
            if (h != null && h.nativeId == null) {
                helpdesk.add(h);
            }
        }
        shopify.sort(Comparator.comparing(s -> s.createdAt));
        for (int i = 0; i < shopify.size(); i++) {
            // Shopify hands out ids 32768 apart (visible in the captured responses)
            shopify.get(i).nativeId = Long.toString(7_841_229_013_042L + 32_768L * i);
        }
        helpdesk.sort(Comparator.comparing(h -> h.createdAt));
        for (int i = 0; i < helpdesk.size(); i++) {
            helpdesk.get(i).nativeId = Long.toString(381_926_500_000L + 7_919L * i);
        }
    }

    private List<Ticket> tickets(List<PersonDraft> people, List<Order> orders) {
        record Draft(PersonDraft person, String email, String subject, String description, TicketStatus status,
                Instant createdAt, Instant updatedAt, String orderKey) {
        }
        List<Draft> drafts = new ArrayList<>();
        Map<String, List<Order>> byPerson = new HashMap<>();
        orders.forEach(o -> byPerson.computeIfAbsent(o.personKey(), k -> new ArrayList<>()).add(o));
        for (PersonDraft p : people) {
            PresenceDraft helpdesk = p.presences.get(Channel.HELPDESK);
            if (helpdesk == null) {
                continue;
            }
            List<Order> theirs = byPerson.getOrDefault(p.key, List.of());
            if (p.key.equals(DemoWorld.AVA_KEY)) {
                Order amazon = theirs.stream().filter(o -> o.channel() == Channel.AMAZON).findFirst().orElseThrow();
                Order tiktok = theirs.stream().filter(o -> o.channel() == Channel.TIKTOK_SHOP).findFirst().orElseThrow();
                drafts.add(new Draft(p, amazon.buyerEmail(), "Amazon order " + amazon.nativeId() + " has not arrived",
                        "Tracking has said 'in transit' for five days. Can you check where my headlamp and bottle are?",
                        TicketStatus.OPEN, Instant.parse("2026-10-26T16:02:11Z"), Instant.parse("2026-10-27T09:30:00Z"),
                        amazon.key()));
                drafts.add(new Draft(p, "ava.chen@example.com", "Wrong size on my TikTok Shop order " + tiktok.nativeId(),
                        "The Sun Hoodie I ordered on TikTok Shop is an S but I need an M. Can I exchange it?",
                        TicketStatus.SOLVED, Instant.parse("2026-03-12T22:40:55Z"), Instant.parse("2026-03-14T18:05:30Z"),
                        tiktok.key()));
                continue;
            }
            if (!theirs.isEmpty() && random.nextDouble() < 0.6) {
                Order about = pick(theirs);
                Instant created = about.createdAt().plus(Duration.ofHours(24L + random.nextInt(24 * 9)));
                if (!created.isBefore(DemoWorld.CALENDAR_END)) {
                    continue;
                }
                boolean recent = created.isAfter(DemoWorld.CALENDAR_END.minus(BACKLOG_WINDOW));
                TicketStatus status = recent ? pick(List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING))
                        : random.nextDouble() < 0.85 ? TicketStatus.CLOSED : TicketStatus.SOLVED;
                Instant updated = created.plus(Duration.ofHours(recent ? 1 : 20 + random.nextInt(60)));
                if (updated.isAfter(DemoWorld.CALENDAR_END)) {
                    updated = created;
                }
                String subject = switch (about.method()) {
                    case PICKUP -> "Is my pickup order " + about.displayName() + " ready?";
                    case IN_STORE -> "Receipt needed for my store purchase " + about.displayName();
                    case MARKETPLACE_FULFILLED, SHIPPING -> about.isCancelled()
                            ? "Refund for cancelled order " + about.displayName()
                            : "Where is my order " + about.displayName() + "?";
                };
                drafts.add(new Draft(p, helpdesk.emails.getFirst().address(), subject,
                        "Hi, I have a question about order " + about.displayName() + ".", status, created, updated,
                        about.key()));
            }
        }
        drafts.sort(Comparator.comparing(Draft::createdAt).thenComparing(d -> d.person().key));
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            tickets.add(new Ticket(String.format("T%04d", i + 1), Integer.toString(10_001 + i), d.person().key,
                    d.email(), d.subject(), d.description(), d.status(), d.createdAt(), d.updatedAt(), d.orderKey()));
        }
        return tickets;
    }

    private List<StockLevel> stock(List<Order> orders) {
        Map<String, Integer> committed = new HashMap<>();
        for (Order o : orders) {
            if ((o.channel() == Channel.SHOPIFY || o.channel() == Channel.TIKTOK_SHOP) && o.isOpen()) {
                for (OrderLine l : o.lines()) {
                    committed.merge(l.sku() + "@" + o.locationKey(), l.unfulfilledQuantity(), Integer::sum);
                }
            }
        }
        List<StockLevel> stock = new ArrayList<>();
        Instant recentFrom = DemoWorld.CALENDAR_END.minus(Duration.ofDays(30));
        for (Location location : locationList) {
            for (Sku sku : skus) {
                if (location.kind() == LocationKind.MARKETPLACE_FULFILLMENT && !fbaSkus.contains(sku.sku())) {
                    continue;
                }
                int held = committed.getOrDefault(sku.sku() + "@" + location.key(), 0);
                int free = switch (location.kind()) {
                    case WAREHOUSE -> random.nextDouble() < 0.05 ? 0 : 20 + random.nextInt(160);
                    case STORE -> random.nextDouble() < 0.18 ? 0 : 1 + random.nextInt(14);
                    case MARKETPLACE_FULFILLMENT -> 10 + random.nextInt(70);
                };
                int incoming = switch (location.kind()) {
                    case WAREHOUSE -> random.nextDouble() < 0.2 ? 12 + random.nextInt(48) : 0;
                    case STORE -> random.nextDouble() < 0.1 ? 4 + random.nextInt(8) : 0;
                    case MARKETPLACE_FULFILLMENT -> 0;
                };
                stock.add(new StockLevel(sku.sku(), location.key(), free + held, held, incoming,
                        between(recentFrom, DemoWorld.CALENDAR_END.minusSeconds(60))));
            }
        }
        return stock;
    }

    // ---------------------------------------------------------------- randomness helpers

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private int pickWeighted(int[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** A random instant in [from, to), whole seconds. */
    private Instant between(Instant from, Instant to) {
        long span = to.getEpochSecond() - from.getEpochSecond();
        return from.plusSeconds(span <= 0 ? 0 : (long) (random.nextDouble() * span));
    }

    private String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private String token(String alphabet, int length) {
        while (true) {
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (usedTokens.add(out.toString())) {
                return out.toString();
            }
        }
    }

    private static ChannelEmail personal(String address) {
        return new ChannelEmail(address, EmailKind.PERSONAL);
    }

    private static ChannelEmail relay(String address) {
        return new ChannelEmail(address, EmailKind.MARKETPLACE_RELAY);
    }

    // ---------------------------------------------------------------- drafts

    private static final class PersonDraft {
        String key;
        String first;
        String last;
        String email;
        String secondEmail;
        String phone;
        Places.Town town;
        PostalAddress address;
        Instant createdAt;
        final Map<Channel, PresenceDraft> presences = new EnumMap<>(Channel.class);

        void put(PresenceDraft presence) {
            presences.put(presence.channel, presence);
        }

        Person toPerson() {
            return new Person(key, first, last, email, secondEmail, phone, address, createdAt,
                    presences.values().stream().map(PresenceDraft::toPresence).toList());
        }
    }

    private static final class PresenceDraft {
        final Channel channel;
        String nativeId;
        final String displayName;
        final List<ChannelEmail> emails;
        final String phone;
        final Instant createdAt;

        PresenceDraft(Channel channel, String nativeId, String displayName, List<ChannelEmail> emails, String phone,
                Instant createdAt) {
            this.channel = channel;
            this.nativeId = nativeId;
            this.displayName = displayName;
            this.emails = emails;
            this.phone = phone;
            this.createdAt = createdAt;
        }

        ChannelPresence toPresence() {
            return new ChannelPresence(channel, nativeId, displayName, emails, phone, createdAt);
        }
    }

    private record LineDraft(Sku sku, int quantity) {
        OrderLine toLine(int currentQuantity, int fulfilledQuantity) {
            return new OrderLine(sku.sku(), productTitleOf(sku), sku.title(), quantity, currentQuantity,
                    fulfilledQuantity, sku.price());
        }
    }

    private static String productTitleOf(Sku sku) {
        return Catalogue.LINES.stream().filter(l -> sku.productKey().equals("OO-" + l.code())).findFirst()
                .orElseThrow().title();
    }

    private static final class OrderDraft {
        PersonDraft person;
        Channel channel;
        Instant createdAt;
        FulfillmentMethod method;
        String locationKey;
        PostalAddress shipTo;
        List<LineDraft> lines;
        Outcome outcome;
        Duration fulfilmentDelay;
        String nativeId;
        String buyerEmail;
        String buyerPhone;
    }
}
