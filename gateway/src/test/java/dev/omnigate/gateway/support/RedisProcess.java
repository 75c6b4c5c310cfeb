package dev.omnigate.gateway.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real {@code redis-server} of the test's own on a free loopback port, which the test stops and starts again (the
 * same port) to take Redis away mid-run. No persistence: a restarted server is empty, like a replaced one.
 */
public final class RedisProcess implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    public RedisProcess() {
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
            dir = Files.createTempDirectory("omnigate-redis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port where nothing listens (taken from the OS and released at once). */
    public static int unusedPort() {
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public RedisProcess start() {
        try {
            process = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(port), "--save", "",
                    "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server could not be started (is it installed?)", e);
        }
        await().atMost(Duration.ofSeconds(10)).until(this::answersPing);
        return this;
    }

    /** Stops the server (SIGTERM) and waits until it is gone. */
    public void stop() {
        if (process != null) {
            process.destroy();
            await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
            process = null;
        }
    }

    /** Sends one raw RESP command and returns the first reply line, e.g. {@code +OK}. */
    public String command(String... args) {
        StringBuilder resp = new StringBuilder("*" + args.length + "\r\n");
        for (String arg : args) {
            resp.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException e) {
            return "-" + e.getClass().getSimpleName();
        }
    }

    private boolean answersPing() {
        return "+PONG".equals(command("PING"));
    }

    @Override
    public void close() {
        stop();
    }
}
