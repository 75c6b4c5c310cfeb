package dev.omnigate.gateway.sandbox;

import dev.omnigate.gateway.OmnigateApplication;
import dev.omnigate.simulator.faults.FaultControls;
import dev.omnigate.simulator.faults.FaultSettings;
import dev.omnigate.simulator.world.Sku;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark harness (issue 6, item 8): not a test (no assertion on time, and surefire's default includes do not
 * match the name); {@code ./mvnw -q -pl gateway -am verify -Pbench} runs it (see {@code bench/README.md}). It starts
 * the whole gateway in sandbox mode in this JVM (vendor rate limits lifted: it measures the gateway, not the vendors'
 * throttles), drives it over HTTP with {@link LoadGenerator} and sets the simulators' latency and outages with the
 * sandbox's fault controls (the ones {@code /sandbox/faults} changes):
 * <ol type="a">
 *   <li>{@code { __typename }}: the baseline, no connector call;</li>
 *   <li>{@code products(skus:)} with 20 SKUs, prices and availability, hot in the entity cache;</li>
 *   <li>Ava Chen's customer-360 over all five channels, cold (a second gateway with the entity cache off), every
 *       upstream call delayed by {@code bench.latencyMs};</li>
 *   <li>the same with {@code bench.downVendor} down;</li>
 *   <li>(issue 12) a support agent's customer-360 once a second with the vendors' limits on, alone,</li>
 *   <li>next to a client looping the 1,000-alias request on 4 connections, and</li>
 *   <li>next to one looping 20 customer-360 lookups of unknown addresses (within every limit); (e)-(g) once with the
 *       limits of issue 12 lifted and once with the defaults.</li>
 * </ol>
 * The floor of (c) and (d) is measured, not assumed: single sequential requests with and without the latency give the
 * number of sequential upstream levels (in total and through each vendor); floor = levels x latency.
 * Settings (system properties): {@code bench.latencyMs} (50), {@code bench.seconds} (10), {@code bench.warmupSeconds}
 * (5), {@code bench.concurrency} (16), {@code bench.downVendor} ({@code square}), {@code bench.neighbourSeconds} (30). The table goes to stdout and to
 * {@code gateway/target/bench/results.md}.
 */
final class SandboxBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TYPENAME = "{ __typename }";
    private static final String PRODUCTS = """
            query($skus: [String!]!) { products(skus: $skus) {
              sku title
              prices { source { channel account } price { amount currencyCode } compareAtPrice { amount } }
              availability { onHand committed available
                byLocation { location { name kind } source { channel } onHand committed available } }
            } }""";
    private static final String CUSTOMER_360 = """
            { customer360(email: "ava.chen@example.com") {
                displayName emails phones
                identities { source { channel account nativeId } matchedBy }
                metrics { orderCount lifetimeValue { amount currencyCode } channels }
                orders(first: 20) { nodes { id createdAt status source { channel connector } total { amount currencyCode }
                                            lines { sku quantity unitPrice { amount currencyCode } } } }
                tickets(first: 10) { nodes { subject status } }
            } }""";

    private final long latencyMs = Long.getLong("bench.latencyMs", 50);
    private final Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    private final Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 5));
    private final int concurrency = Integer.getInteger("bench.concurrency", 16);
    private final String downVendor = FaultControls.requireVendor(System.getProperty("bench.downVendor", "square"));

    private final Duration neighbourMeasure = Duration.ofSeconds(Long.getLong("bench.neighbourSeconds", 30));

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** One line of the table. */
    record Row(String scenario, LoadGenerator.Result result, Map<String, Double> upstreamPerQuery, String ratio) {
    }

    @Test
    void run() throws Exception {
        try (LoadGenerator load = new LoadGenerator(); BenchIdp idp = BenchIdp.start()) {
            double baselineRps;
            try (Gateway gateway = Gateway.start(true, idp)) {
                gateway.setLatencyEverywhere(0);
                load.authorization("Bearer " + SandboxClients.ADMIN_KEY);
                Row a = scenario(load, gateway, "(a) { __typename } (baseline), API key", i -> body(TYPENAME, Map.of()), null);
                baselineRps = a.result().rps();
                rows.add(a);
                load.authorization("Bearer " + idp.token("bench-client", "catalog:read"));
                rows.add(scenario(load, gateway, "(a2) { __typename }, JWT (RS256, JWKS over HTTP)", i -> body(TYPENAME, Map.of()), null));

                gateway.setLatencyEverywhere(latencyMs);
                load.authorization("Bearer " + SandboxClients.FRONTEND_KEY);
                List<String> skus = gateway.source.sandbox().world().skus().stream().map(Sku::sku).limit(20).toList();
                String productsBody = body(PRODUCTS, Map.of("skus", skus));
                load.once(gateway.graphql(), productsBody); // fills the cache: "hot" from here on
                notes.add(String.format(Locale.ROOT, "answer sizes: (a) %,d bytes, (b) %,d bytes",
                        load.fetch(gateway.graphql(), body(TYPENAME, Map.of())).length(), load.fetch(gateway.graphql(), productsBody).length()));
                Row b = scenario(load, gateway, "(b) products(skus: 20), hot cache, " + latencyMs + " ms upstream, storefront key",
                        i -> productsBody, null);
                rows.add(new Row(b.scenario(), b.result(), b.upstreamPerQuery(),
                        String.format(Locale.ROOT, "%.2f x baseline RPS (target >= 0.7)", b.result().rps() / baselineRps)));
                load.authorization("Bearer " + SandboxClients.PARTNER_KEY);
                List<String> partnerSkus = gateway.source.sandbox().world().skus().stream().map(Sku::sku)
                        .filter(sku -> sku.startsWith("OO-SDJ-") || sku.startsWith("OO-C28-")).limit(20).toList();
                String partnerBody = body(PRODUCTS, Map.of("skus", partnerSkus));
                load.once(gateway.graphql(), partnerBody);
                Row b2 = scenario(load, gateway, "(b2) the same for the partner key: " + partnerSkus.size()
                        + " of its SKUs, warehouses only (row limits)", i -> partnerBody, null);
                rows.add(new Row(b2.scenario(), b2.result(), b2.upstreamPerQuery(),
                        String.format(Locale.ROOT, "%.2f x baseline RPS", b2.result().rps() / baselineRps)));
            }
            load.authorization("Bearer " + SandboxClients.SUPPORT_KEY);
            try (Gateway gateway = Gateway.start(false, idp)) {
                String c360 = body(CUSTOMER_360, Map.of());
                Map<String, Long> levels = levels(load, gateway, c360);
                long floorMs = levels.get("all") * latencyMs;
                notes.add("sequential upstream levels of a customer-360 (measured: median of 9 single requests with and without "
                        + probeMs() + " ms on the vendors, in total and one vendor at a time): " + levels + "; floor = " + levels.get("all") + " x " + latencyMs
                        + " ms = " + floorMs + " ms");
                notes.add("upstream requests of one cold customer-360, by vendor and route: " + routesOfOne(load, gateway, c360));
                gateway.setLatencyEverywhere(latencyMs);
                Row c = scenario(load, gateway, "(c) customer360 cold, all channels, " + latencyMs + " ms upstream", i -> c360, null);
                rows.add(withFloor(c, floorMs, levels));

                gateway.faults().set(downVendor, FaultSettings.outage());
                Row d = scenario(load, gateway, "(d) as (c), " + downVendor + " down", i -> c360, null);
                rows.add(withFloor(d, floorMs, levels));
            }
        }
        abusiveNeighbour(false);
        abusiveNeighbour(true);
        String report = render();
        System.out.println(report);
        Path out = Path.of("target", "bench", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }

    /** The 1,000-alias request of issue 12: 54 KB, a thousand customer-360 lookups of one address. */
    static String thousandAliases() {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < 1_000; i++) {
            query.append('a').append(i).append(": customer360(email: \"ava.chen@example.com\") { displayName } ");
        }
        return body(query.append('}').toString(), Map.of());
    }

    /** Within every document limit and the cost maximum, but no cache can answer it: 20 lookups of unknown addresses. */
    static String twentyUnknownProfiles(int sequence) {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < 20; i++) {
            query.append('a').append(i).append(": customer360(email: \"nobody-").append(sequence).append('-').append(i)
                    .append("@example.com\") { displayName orders(first: 20) { nodes { name } } } ");
        }
        return body(query.append('}').toString(), Map.of());
    }

    /**
     * (e)-(g): a support agent opening a customer-360 every second (the vendors' own limits and the client-side rate
     * limiter on, as in production), alone and next to a client looping an abusive request on 4 connections; once with
     * every limit of issue 12 lifted (the gateway before it), once with the defaults.
     */
    private void abusiveNeighbour(boolean protections) throws Exception {
        String mode = protections ? "limits on (defaults)" : "limits off (as before issue 12)";
        try (Gateway gateway = Gateway.startRealistic(protections); LoadGenerator normal = new LoadGenerator();
                LoadGenerator neighbour = new LoadGenerator()) {
            normal.authorization("Bearer " + SandboxClients.SUPPORT_KEY);
            neighbour.authorization("Bearer " + SandboxClients.ADMIN_KEY);
            String c360 = body(CUSTOMER_360, Map.of());
            normal.run(gateway.graphql(), i -> c360, 1, warmup, Duration.ofSeconds(1));
            rows.add(paced(normal, gateway, "(e) " + mode + ": support agent, customer360 1/s, alone", c360));
            String thousand = thousandAliases();
            neighbourRun(gateway, normal, neighbour, "(f) " + mode + ": the same, next to a client looping the 1,000-alias request "
                    + "(" + thousand.length() / 1024 + " KB)", c360, i -> thousand);
            neighbourRun(gateway, normal, neighbour, "(g) " + mode + ": the same, next to a client looping 20 customer360 of unknown "
                    + "addresses", c360, SandboxBenchmark::twentyUnknownProfiles);
        }
    }

    private Row paced(LoadGenerator load, Gateway gateway, String name, String body) throws Exception {
        Map<String, Long> before = gateway.faults().requests();
        LoadGenerator.Result result = load.run(gateway.graphql(), i -> body, 1, neighbourMeasure, Duration.ofSeconds(1));
        return new Row(name, result, perQuery(gateway, before, result.answers()), null);
    }

    private void neighbourRun(Gateway gateway, LoadGenerator normal, LoadGenerator neighbour, String name, String normalBody,
            java.util.function.IntFunction<String> abusive) throws Exception {
        Map<String, Long> before = gateway.faults().requests();
        java.util.concurrent.CompletableFuture<LoadGenerator.Result> abuse = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return neighbour.run(gateway.graphql(), abusive, 4, neighbourMeasure);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        LoadGenerator.Result result = normal.run(gateway.graphql(), i -> normalBody, 1, neighbourMeasure, Duration.ofSeconds(1));
        LoadGenerator.Result abusiveResult = abuse.get();
        Map<String, Double> upstream = perQuery(gateway, before, result.answers() + abusiveResult.answers());
        rows.add(new Row(name, result, upstream, "upstream calls / query: of both clients' answers"));
        rows.add(new Row("  the abusive neighbour of " + name.substring(0, 3), abusiveResult, upstream,
                "GraphQL errors here are its refusals (MAX_*, THROTTLED, RATE_LIMITED)"));
    }

    private static Map<String, Double> perQuery(Gateway gateway, Map<String, Long> before, long answers) {
        Map<String, Double> perQuery = new LinkedHashMap<>();
        gateway.faults().requests().forEach((vendor, count) -> perQuery.put(vendor, answers == 0 ? 0 : (double) (count - before.get(vendor)) / answers));
        return perQuery;
    }

    private Row withFloor(Row row, long floorMs, Map<String, Long> levels) {
        StringBuilder perLevel = new StringBuilder();
        row.upstreamPerQuery().forEach((vendor, calls) -> {
            long vendorLevels = levels.getOrDefault(vendor, 0L);
            if (vendorLevels > 0) {
                perLevel.append(String.format(Locale.ROOT, " %s %.2f", vendor, calls / vendorLevels));
            }
        });
        String ratio = String.format(Locale.ROOT, "p50 %.2f x, p99 %.2f x floor %d ms (target p99 <= 1.2 x); calls/account/level:%s",
                row.result().percentileMs(50) / floorMs, row.result().percentileMs(99) / floorMs, floorMs, perLevel);
        return new Row(row.scenario(), row.result(), row.upstreamPerQuery(), ratio);
    }

    /** Warm-up, then a measured run; upstream requests per vendor counted over the measured run only. */
    private Row scenario(LoadGenerator load, Gateway gateway, String name, java.util.function.IntFunction<String> bodies,
            String ratio) throws Exception {
        load.run(gateway.graphql(), bodies, concurrency, warmup);
        Map<String, Long> before = gateway.faults().requests();
        LoadGenerator.Result result = load.run(gateway.graphql(), bodies, concurrency, measure);
        Map<String, Long> after = gateway.faults().requests();
        Map<String, Double> perQuery = new LinkedHashMap<>();
        after.forEach((vendor, count) -> perQuery.put(vendor, result.answers() == 0 ? 0 : (double) (count - before.get(vendor)) / result.answers()));
        System.out.printf(Locale.ROOT, "bench: %s: %.0f req/s, p99 %.1f ms%n", name, result.rps(), result.percentileMs(99));
        return new Row(name, result, perQuery, ratio);
    }

    /** The latency used to count levels: large enough that the machine's noise cannot round to another level. */
    private long probeMs() {
        return Math.max(200, latencyMs);
    }

    /**
     * Sequential upstream levels of one query: the median added time of single requests with {@link #probeMs()} on all
     * vendors (key {@code all}) or on one vendor, over that latency.
     */
    private Map<String, Long> levels(LoadGenerator load, Gateway gateway, String body) throws Exception {
        gateway.setLatencyEverywhere(0);
        for (int i = 0; i < 20; i++) {
            load.once(gateway.graphql(), body); // JIT and connection warm-up
        }
        double bare = median(load, gateway, body);
        notes.add(String.format(Locale.ROOT, "one customer-360 alone, no added latency (gateway + simulators' own work): %.1f ms", bare));
        Map<String, Long> levels = new LinkedHashMap<>();
        long probe = probeMs();
        gateway.setLatencyEverywhere(probe);
        levels.put("all", Math.round((median(load, gateway, body) - bare) / probe));
        for (String vendor : FaultControls.VENDORS) {
            gateway.setLatencyEverywhere(0);
            gateway.faults().set(vendor, FaultSettings.latency(probe));
            levels.put(vendor, Math.round((median(load, gateway, body) - bare) / probe));
        }
        gateway.setLatencyEverywhere(0);
        return levels;
    }

    /** The simulators' requests by route for one query (Shopify: by GraphQL root field as well). */
    private static Map<String, Map<String, Long>> routesOfOne(LoadGenerator load, Gateway gateway, String body) {
        gateway.faults().resetCounters();
        Map<String, Long> shopifyBefore = gateway.source.sandbox().shopify().counters().rootFields();
        load.once(gateway.graphql(), body);
        Map<String, Map<String, Long>> routes = new LinkedHashMap<>();
        for (String vendor : FaultControls.VENDORS) {
            routes.put(vendor, gateway.faults().routes(vendor));
        }
        Map<String, Long> shopifyRootFields = new LinkedHashMap<>();
        gateway.source.sandbox().shopify().counters().rootFields().forEach((field, count) -> {
            long delta = count - shopifyBefore.getOrDefault(field, 0L);
            if (delta > 0) {
                shopifyRootFields.put(field, delta);
            }
        });
        routes.put("shopify root fields", shopifyRootFields);
        return routes;
    }

    private static double median(LoadGenerator load, Gateway gateway, String body) {
        double[] samples = new double[9];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = load.once(gateway.graphql(), body);
        }
        Arrays.sort(samples);
        return samples[samples.length / 2];
    }

    private String render() throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### %s%n%n", Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC"));
        out.append(String.format(Locale.ROOT, "Machine: %d CPUs (%s), %s %s; %d connections, %d s per scenario after %d s warm-up, "
                        + "upstream latency %d ms; load generator, gateway and simulators in one JVM.%n%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), concurrency, measure.toSeconds(), warmup.toSeconds(), latencyMs));
        out.append("| scenario | RPS | p50 ms | p99 ms | CPU ms / answer | HTTP errors | answers with GraphQL errors | upstream calls / query | ratio |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Row row : rows) {
            LoadGenerator.Result r = row.result();
            String upstream = row.upstreamPerQuery().entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
            double total = row.upstreamPerQuery().values().stream().mapToDouble(Double::doubleValue).sum();
            out.append(String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.1f | %.2f | %.2f %% | %.2f %% | %.2f%s | %s |%n", row.scenario(), r.rps(),
                    r.percentileMs(50), r.percentileMs(99), r.cpuMsPerAnswer(), 100 * r.httpErrorRate(), 100 * r.graphqlErrorRate(), total,
                    upstream.isEmpty() ? "" : " (" + upstream + ")", row.ratio() == null ? "" : row.ratio()));
        }
        out.append('\n');
        notes.add("CPU ms / answer: CPU time of the whole JVM (load generator, gateway and the five simulators) during the measured "
                + "run, per answer; compare rows, not absolute numbers");
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        return out.toString();
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        }
    }

    private static String body(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return JSON.writeValueAsString(body);
    }

    /** One gateway in sandbox mode on a free port, in this JVM. */
    private record Gateway(ConfigurableApplicationContext context, SandboxStoreConfigSource source, URI graphql) implements AutoCloseable {

        /** What every gateway of the harness shares: the sandbox on a free port, logs at WARN. */
        private static Map<String, Object> sandbox() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("omnigate.audit.file", "target/bench/audit.jsonl");
            properties.put("server.port", "0");
            properties.put("spring.main.banner-mode", "off");
            properties.put("logging.level.root", "WARN");
            // (d) fails thousands of calls on purpose: one WARN line each would measure the console
            properties.put("logging.level.dev.omnigate", "ERROR");
            properties.put("omnigate.sandbox.enabled", "true");
            properties.put("omnigate.stores-dir", "target/no-store-files");
            return properties;
        }

        /** As command-line arguments: they win over application.yml, as for {@code java -jar ... --key=value}. */
        private static Gateway run(Map<String, Object> properties) {
            String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(OmnigateApplication.class).run(args);
            String port = context.getEnvironment().getProperty("local.server.port");
            return new Gateway(context, context.getBean(SandboxStoreConfigSource.class), URI.create("http://127.0.0.1:" + port + "/graphql"));
        }

        static Gateway start(boolean cache, BenchIdp idp) {
            Map<String, Object> properties = sandbox();
            properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", idp.jwksUri());
            properties.put("omnigate.sandbox.vendor-rate-limits", "false");
            // the client-side limiter's vendor profiles would measure the limiter, not the gateway (the simulators'
            // own limits are lifted above for the same reason)
            properties.put("omnigate.resilience.rate-limit.enabled", "false");
            properties.put("omnigate.sandbox.shopify.bucket-size", "100000000");
            properties.put("omnigate.sandbox.shopify.restore-rate", "100000000");
            properties.put("omnigate.cache.enabled", Boolean.toString(cache));
            // the clients' cost buckets would measure the quota, not the gateway (the abusive-neighbour scenario sets its own)
            properties.put("omnigate.limits.cost.bucket-size", "1000000000");
            properties.put("omnigate.limits.cost.restore-rate", "1000000000");
            return run(properties);
        }

        /**
         * A sandbox as a deployment would see it: the simulators' own rate limits, the client-side limiter and the cache
         * on; {@code protections} false lifts every limit of issue 12 (documents, cost, buckets, vendor shares).
         */
        static Gateway startRealistic(boolean protections) {
            Map<String, Object> properties = sandbox();
            properties.put("omnigate.events.polling.enabled", "false");
            if (!protections) {
                properties.put("omnigate.limits.document.max-tokens", "100000000");
                properties.put("omnigate.limits.document.max-aliases", "100000000");
                properties.put("omnigate.limits.document.max-root-fields", "100000000");
                properties.put("omnigate.limits.document.max-fields", "100000000");
                properties.put("omnigate.limits.cost.max-request-cost", "1000000000");
                properties.put("omnigate.limits.cost.bucket-size", "1000000000");
                properties.put("omnigate.limits.cost.restore-rate", "1000000000");
                properties.put("omnigate.limits.cost.vendor-share", "1");
            }
            return run(properties);
        }

        FaultControls faults() {
            return source.sandbox().faults();
        }

        void setLatencyEverywhere(long ms) {
            FaultControls.VENDORS.forEach(vendor -> faults().set(vendor, FaultSettings.latency(ms)));
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
