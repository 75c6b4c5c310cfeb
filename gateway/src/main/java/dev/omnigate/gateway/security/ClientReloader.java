package dev.omnigate.gateway.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks at the client files every {@code omnigate.security.clients-reload-interval} and reloads them when they changed. */
public final class ClientReloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientReloader.class);

    private final ScheduledExecutorService executor;

    public ClientReloader(ClientRegistry registry, Duration interval) {
        if (interval.isZero()) {
            executor = null;
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("omnigate-client-reload").daemon(true).factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                registry.reloadIfChanged();
            } catch (RuntimeException e) {
                LOG.error("reloading the client configuration failed; the previous clients stay in force", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
