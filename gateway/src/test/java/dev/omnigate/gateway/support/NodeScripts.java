package dev.omnigate.gateway.support;

import com.jayway.jsonpath.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Node.js clients of the protocol conformance tests ({@code src/test/node}: graphql-http's server audit, graphql-ws,
 * graphql-sse). {@link #install()} copies them to {@code target/node} and runs {@code npm ci} there (exact versions from
 * the committed {@code package-lock.json}; from the npm cache when it holds them, so only the first run on a machine
 * needs the registry; skipped while the installed lock file is unchanged). Missing Node.js or npm, or a failed install,
 * fail the test with what to do: these tests never skip.
 *
 * <p>A script gets its settings as one JSON argument and prints one JSON line per step ({@code {"step": ...}});
 * {@link Run} hands the steps to the test as they come, so the test can act between them.
 */
public final class NodeScripts {

    /** The scripts in the repository (surefire runs in the module's folder). */
    private static final Path SOURCE = Path.of("src", "test", "node");
    /** Where they are installed and run. */
    private static final Path HOME = Path.of("target", "node");
    private static final Path STAMP = HOME.resolve(".installed-lock-sha256");
    private static final int MINIMUM_NODE = 20;
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NEEDS = "The gateway's test suite needs Node.js " + MINIMUM_NODE + " or newer and npm on the PATH "
            + "(README.md, 'Run all tests'): the protocol conformance tests run the npm clients graphql-http, graphql-ws and graphql-sse.";

    private static NodeScripts installed;

    private final String node;

    private NodeScripts(String node) {
        this.node = node;
    }

    /** Node.js and the clients, installed once per test JVM. */
    public static synchronized NodeScripts install() {
        if (installed == null) {
            String node = WINDOWS ? "node.exe" : "node";
            String npm = WINDOWS ? "npm.cmd" : "npm";
            String version = version(node);
            int major = Integer.parseInt(version.replaceFirst("^v", "").split("\\.")[0]);
            if (major < MINIMUM_NODE) {
                throw new AssertionError(NEEDS + " Found Node.js " + version + ".");
            }
            version(npm);
            copyScripts();
            if (!upToDate()) {
                npmCi(npm);
            }
            installed = new NodeScripts(node);
        }
        return installed;
    }

    private static String version(String command) {
        Process process;
        try {
            process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(NEEDS + " '" + command + "' could not be started: " + e.getMessage(), e);
        }
        Finished finished = finish(process, VERSION_TIMEOUT);
        if (finished.exitCode() != 0) {
            throw new AssertionError(NEEDS + " '" + command + " --version' failed:\n" + finished.output());
        }
        return finished.output().strip();
    }

    private static void copyScripts() {
        if (!Files.isRegularFile(SOURCE.resolve("package-lock.json"))) {
            throw new AssertionError("the conformance clients are not at " + SOURCE.toAbsolutePath() + " (run the tests from the gateway module)");
        }
        try (Stream<Path> files = Files.list(SOURCE)) {
            Files.createDirectories(HOME);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, HOME.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether node_modules holds what the current lock file names (installed by an earlier run). */
    private static boolean upToDate() {
        try {
            return Files.isRegularFile(HOME.resolve("node_modules").resolve(".package-lock.json"))
                    && Files.isRegularFile(STAMP) && Files.readString(STAMP).equals(lockHash());
        } catch (IOException e) {
            return false;
        }
    }

    private static String lockHash() throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(HOME.resolve("package-lock.json"))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void npmCi(String npm) {
        try {
            Files.deleteIfExists(STAMP);
            // --prefer-offline: packages come from the npm cache when it has them; --ignore-scripts: no install scripts run
            Process process = new ProcessBuilder(npm, "ci", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts",
                    "--loglevel=error").directory(HOME.toFile()).redirectErrorStream(true).start();
            Finished finished = finish(process, INSTALL_TIMEOUT);
            if (finished.exitCode() != 0) {
                throw new AssertionError("'npm ci' in " + HOME.toAbsolutePath() + " failed (exit " + finished.exitCode() + "). " + NEEDS
                        + " The first run on a machine downloads them from the npm registry; later runs use the npm cache.\n"
                        + finished.output());
            }
            Files.writeString(STAMP, lockHash());
        } catch (IOException e) {
            throw new AssertionError(NEEDS + " 'npm ci' could not run: " + e.getMessage(), e);
        }
    }

    private record Finished(int exitCode, String output) {
    }

    /** Waits for a short command's end, killing it after the timeout (exit code -1). */
    private static Finished finish(Process process, Duration timeout) {
        try {
            // a command that fills the pipe would block before exiting: read while waiting
            StringBuilder output = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
                    lines.lines().forEach(line -> {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                    });
                } catch (IOException | UncheckedIOException ignored) {
                    // the process was killed
                }
            });
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                kill(process);
            }
            reader.join(Duration.ofSeconds(5));
            synchronized (output) {
                return new Finished(exited ? process.exitValue() : -1, exited ? output.toString()
                        : output + "(killed after " + timeout.toSeconds() + " s)\n");
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Starts {@code node <script> <settings as JSON>} in the install folder. */
    public Run start(String script, Map<String, ?> settings) {
        try {
            Process process = new ProcessBuilder(node, script, JSON.writeValueAsString(settings))
                    .directory(HOME.toFile()).redirectErrorStream(true).start();
            return new Run(script, process);
        } catch (IOException e) {
            throw new AssertionError(NEEDS + " 'node " + script + "' could not be started: " + e.getMessage(), e);
        }
    }

    /** A running script: its steps as they come, its whole output for failure messages. */
    public static final class Run implements AutoCloseable {

        private static final String END = "\u0000end";

        private final String script;
        private final Process process;
        private final List<String> output = new ArrayList<>();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        private Run(String script, Process process) {
            this.script = script;
            this.process = process;
            this.reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (output) {
                            output.add(line);
                        }
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process was killed
                } finally {
                    lines.add(END);
                }
            });
        }

        /**
         * The next line reporting {@code step} (lines of other steps before it are skipped; they stay in
         * {@link #output()}). Fails with the output when the script reports a failure, ends or times out first.
         */
        public String awaitStep(String step, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("node " + script + ": no '" + step + "' step within " + timeout.toSeconds() + " s\n" + output());
                }
                if (line.equals(END)) {
                    lines.add(END);
                    throw new AssertionError("node " + script + " ended before its '" + step + "' step\n" + output());
                }
                String reported = stepOf(line);
                if ("failed".equals(reported)) {
                    throw new AssertionError("node " + script + " failed before its '" + step + "' step\n" + output());
                }
                if (step.equals(reported)) {
                    return line;
                }
            }
        }

        private static String stepOf(String line) {
            if (!line.startsWith("{")) {
                return null;
            }
            try {
                return JsonPath.read(line, "$.step");
            } catch (RuntimeException notAStep) {
                return null;
            }
        }

        /** Every line of {@code step} printed so far. */
        public List<String> steps(String step) {
            synchronized (output) {
                return output.stream().filter(line -> step.equals(stepOf(line))).toList();
            }
        }

        /** Waits for the script to end; fails with the output on a non-zero exit or after the timeout (then kills it). */
        public void awaitSuccess(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new AssertionError("node " + script + " did not end within " + timeout.toSeconds() + " s (killed)\n" + output());
            }
            reader.join(Duration.ofSeconds(5));
            if (process.exitValue() != 0) {
                throw new AssertionError("node " + script + " exited with " + process.exitValue() + "\n" + output());
            }
        }

        /** Everything the script printed so far (stdout and stderr), for failure messages. */
        public String output() {
            synchronized (output) {
                return "--- output of node " + script + " ---\n" + String.join("\n", output) + "\n--- end of output ---";
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                kill(process);
            }
        }
    }
}
