package dev.omnigate.gateway.events;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.OmnigateApplication;
import dev.omnigate.gateway.support.TestClients;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fan-out benchmark for {@code inventoryChanged} (not a test: surefire only runs it when asked,
 * {@code ./mvnw -q -pl gateway -am verify -Pbench -Dtest=SubscriptionBenchmark}). Starts the gateway (in-memory event
 * log, no sandbox), opens {@code bench.subscribers} graphql-transport-ws subscriptions (default 10,000) over loopback
 * from one JDK HttpClient, appends {@code bench.events} changes (default 20, one every 100 ms) and records, per
 * delivered change, the time from the append to its arrival at the client; prints p50/p99/max, the deliveries, and the
 * heap before and after the subscribers connected. Results go to {@code gateway/target/bench/subscriptions.md}.
 */
final class SubscriptionBenchmark {

    private final int subscribers = Integer.getInteger("bench.subscribers", 10_000);
    private final int events = Integer.getInteger("bench.events", 20);

    @Test
    void run() throws Exception {
        ConfigurableApplicationContext gateway = new SpringApplication(OmnigateApplication.class, TestClients.Registration.class).run("--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--omnigate.sandbox.enabled=false",
                "--omnigate.stores-dir=target/no-store-files", "--omnigate.events.subscriber-buffer=10000");
        try {
            int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
            EventLog log = gateway.getBean(EventLog.class);
            long heapBefore = usedHeap();
            HttpClient client = HttpClient.newHttpClient();
            ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicInteger receiving = new AtomicInteger();
            CountDownLatch allSubscribed = new CountDownLatch(subscribers);
            List<WebSocket> sockets = new ArrayList<>();
            long connectStart = System.nanoTime();
            for (int i = 0; i < subscribers; i++) {
                sockets.add(client.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), new Listener(latenciesMicros, acknowledged,
                                allSubscribed, receiving)).get(30, TimeUnit.SECONDS));
            }
            if (!allSubscribed.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (subscribers - allSubscribed.getCount()) + " subscriptions were acknowledged");
            }
            long connectMillis = (System.nanoTime() - connectStart) / 1_000_000;
            // warm-up changes until every subscriber got one: then every subscription is registered with the log
            try {
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    append(log, -1);
                    return receiving.get() >= subscribers;
                });
            } catch (ConditionTimeoutException e) {
                System.out.println("warm-up: only " + receiving.get() + " of " + subscribers + " subscribers received a change");
            }
            Awaitility.await().pollDelay(Duration.ofSeconds(1)).until(() -> true); // let the last warm-ups drain
            long heapSubscribed = usedHeap();
            latenciesMicros.clear();
            for (int n = 0; n < events; n++) {
                append(log, n);
                TimeUnit.MILLISECONDS.sleep(100); // the changes' pace: the benchmark's input, not a wait for a result
            }
            long expected = (long) subscribers * events;
            try {
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> latenciesMicros.size() >= expected);
            } catch (ConditionTimeoutException e) {
                System.out.println("not every change reached every subscriber within 60 s; reporting what arrived");
            }
            long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
            String result = report(connectMillis, heapBefore, heapSubscribed, sorted, expected);
            System.out.println(result);
            Path out = Path.of("target", "bench", "subscriptions.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, result);
            sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        } finally {
            gateway.close();
        }
    }

    private static void append(EventLog log, long available) {
        SourceRef level = new SourceRef(Channel.SHOPIFY, "shopify", "shop", "bench-level");
        log.append("shopify", List.of(new ChangeEvent("bench:" + System.nanoTime(), EntityType.INVENTORY_LEVEL, level,
                ChangeKind.UPDATED, Instant.now(), "inventory_levels/update", "BENCH-1",
                new InventoryLevel(level, "BENCH-1", "L1", Math.max(0, available), 0, Math.max(0, available), 0, Instant.now()))));
    }

    private String report(long connectMillis, long heapBefore, long heapSubscribed, long[] micros, long expected) {
        String machine = Runtime.getRuntime().availableProcessors() + " CPUs, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version") + ", " + ManagementFactory.getOperatingSystemMXBean().getName();
        return "### " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(Instant.now()) + " UTC\n\n"
                + "Machine: " + machine + "; clients and gateway in one JVM over loopback.\n\n"
                + "| subscribers | changes | deliveries | connect all (ms) | p50 (ms) | p99 (ms) | max (ms) | heap for subscribers (MB) |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + "| " + subscribers + " | " + events + " | " + micros.length + " of " + expected + " | " + connectMillis + " | "
                + millis(percentile(micros, 50)) + " | " + millis(percentile(micros, 99)) + " | "
                + millis(micros.length == 0 ? 0 : micros[micros.length - 1]) + " | "
                + (heapSubscribed - heapBefore) / (1024 * 1024) + " |\n";
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String millis(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** One subscriber: init, subscribe, then time every change's arrival against its occurredAt. */
    private static final class Listener implements WebSocket.Listener {
        private final ConcurrentLinkedQueue<Long> latencies;
        private final AtomicInteger acknowledged;
        private final CountDownLatch subscribed;
        private final AtomicInteger receiving;
        private final StringBuilder partial = new StringBuilder();
        private boolean received;
        private CompletableFuture<WebSocket> initSent;

        Listener(ConcurrentLinkedQueue<Long> latencies, AtomicInteger acknowledged, CountDownLatch subscribed, AtomicInteger receiving) {
            this.latencies = latencies;
            this.acknowledged = acknowledged;
            this.subscribed = subscribed;
            this.receiving = receiving;
        }

        @Override
        public void onOpen(WebSocket socket) {
            initSent = socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"apiKey\":\"" + TestClients.ALL_KEY + "\"}}", true);
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (message.contains("connection_ack")) {
                    acknowledged.incrementAndGet();
                    // the JDK client refuses a send while the previous one is still completing
                    initSent.thenCompose(sent -> sent.sendText("{\"id\":\"b\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                            + "\"subscription { inventoryChanged(skus: [\\\"BENCH-1\\\"]) { cursor occurredAt } }\"}}", true));
                    subscribed.countDown();
                } else if (message.contains("occurredAt")) {
                    if (!received) {
                        received = true;
                        receiving.incrementAndGet();
                    }
                    int at = message.indexOf("\"occurredAt\":\"") + 14;
                    Instant occurred = Instant.parse(message.substring(at, message.indexOf('"', at)));
                    latencies.add(Duration.between(occurred, Instant.now()).toNanos() / 1_000);
                }
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
