package dev.omnigate.gateway.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load generator on virtual threads for the benchmark harness: {@code concurrency} workers, each
 * sending its next POST as soon as the previous answer arrived, for a fixed time; every latency is kept (no
 * sampling), so percentiles are exact. An answer is an HTTP error when the status is not 200 or the exchange failed,
 * and a GraphQL error when a 200 body holds {@code "errors"}.
 */
final class LoadGenerator implements AutoCloseable {

    /**
     * One run's figures.
     *
     * @param cpuNanos CPU time the whole JVM (load generator, gateway and simulators) used during the run
     */
    record Result(long answers, long httpErrors, long graphqlErrors, double seconds, long[] sortedLatencyNanos, long cpuNanos) {

        double rps() {
            return answers / seconds;
        }

        /** CPU milliseconds of the whole JVM per answer. */
        double cpuMsPerAnswer() {
            return answers == 0 ? Double.NaN : cpuNanos / 1e6 / answers;
        }

        double percentileMs(double percentile) {
            if (sortedLatencyNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * sortedLatencyNanos.length) - 1;
            return sortedLatencyNanos[Math.clamp(index, 0, sortedLatencyNanos.length - 1)] / 1e6;
        }

        double httpErrorRate() {
            return answers == 0 ? 0 : (double) httpErrors / answers;
        }

        double graphqlErrorRate() {
            return answers == 0 ? 0 : (double) graphqlErrors / answers;
        }
    }

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** The {@code Authorization} header every request carries; null for none. */
    private volatile String authorization;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends {@code Authorization: <value>} with every following request (null: none). */
    LoadGenerator authorization(String value) {
        this.authorization = value;
        return this;
    }

    /**
     * Runs {@code concurrency} workers against {@code url} for {@code duration}; worker {@code i}'s {@code n}-th
     * request body is {@code bodies.apply(...)} of a running counter (so scenarios may vary the request).
     */
    Result run(URI url, IntFunction<String> bodies, int concurrency, Duration duration) throws Exception {
        return run(url, bodies, concurrency, duration, Duration.ZERO);
    }

    /**
     * The same, but each worker starts a request at most every {@code pace} (a client with its own rhythm, such as a
     * support agent opening a profile every second); a late answer makes the next request go at once.
     */
    Result run(URI url, IntFunction<String> bodies, int concurrency, Duration duration, Duration pace) throws Exception {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicInteger sequence = new AtomicInteger();
        List<Future<Worker>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(executor.submit(() -> {
                Worker worker = new Worker();
                long next = System.nanoTime();
                while (System.nanoTime() < end) {
                    worker.send(url, bodies.apply(sequence.getAndIncrement()));
                    next += pace.toNanos();
                    java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime()); // pacing, not a sleep in a test
                }
                return worker;
            }));
        }
        long answers = 0;
        long httpErrors = 0;
        long graphqlErrors = 0;
        long[] all = new long[0];
        for (Future<Worker> future : workers) {
            Worker worker = future.get();
            answers += worker.count;
            httpErrors += worker.httpErrors;
            graphqlErrors += worker.graphqlErrors;
            int offset = all.length;
            all = Arrays.copyOf(all, offset + worker.count);
            System.arraycopy(worker.latencies, 0, all, offset, worker.count);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuStart;
        Arrays.sort(all);
        return new Result(answers, httpErrors, graphqlErrors, seconds, all, cpu);
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** One request, its latency in ms; for sequential probes. */
    double once(URI url, String body) {
        Worker worker = new Worker();
        worker.send(url, body);
        return worker.latencies[0] / 1e6;
    }

    /** One request's answer body, for notes on answer sizes. */
    String fetch(URI url, String body) throws IOException, InterruptedException {
        return client.send(request(url, body).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest.Builder request(URI url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String credential = authorization;
        return credential == null ? request : request.header("Authorization", credential);
    }

    private final class Worker {
        long[] latencies = new long[1024];
        int count;
        long httpErrors;
        long graphqlErrors;

        void send(URI url, String body) {
            HttpRequest request = request(url, body).timeout(Duration.ofSeconds(30)).build();
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    httpErrors++;
                } else if (response.body().contains("\"errors\"")) {
                    graphqlErrors++;
                }
            } catch (IOException e) {
                httpErrors++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                httpErrors++;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = System.nanoTime() - started;
        }
    }

    @Override
    public void close() {
        client.close();
        executor.close();
    }
}
