package dev.omnigate.gateway.events;

import dev.omnigate.connector.api.change.ChangeBatch;
import dev.omnigate.connector.api.change.ChangePoller;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls every account whose connector offers a {@link ChangePoller}: the first poll soon after start (it fixes the
 * cursor at "now"), then every suggested interval (at least {@code omnigate.events.polling.min-interval}) with 10 %
 * jitter, never two polls of one account at once. A poll runs through the {@link ConnectorInvoker} (breaker, retries,
 * deadline); its events go to the event log through the {@link ChangeIngestor} and only then is the new cursor
 * committed (Kafka Connect's offset rule), so a failed poll is repeated from the same cursor and nothing is lost.
 * With several instances on one Redis, an account is polled only by the instance holding its {@link PollLeases lease};
 * the others look again at every interval and take over once the holder stopped (lease released) or died (lapsed).
 */
public final class ChangePollers implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ChangePollers.class);

    private final ConnectorAccounts accounts;
    private final ConnectorInvoker invoker;
    private final ChangeIngestor ingestor;
    private final PollCursors cursors;
    private final PollLeases leases;
    private final EventsProperties.Polling settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public ChangePollers(ConnectorAccounts accounts, ConnectorInvoker invoker, ChangeIngestor ingestor, PollCursors cursors,
            PollLeases leases, EventsProperties.Polling settings, Clock clock) {
        this.accounts = accounts;
        this.invoker = invoker;
        this.ingestor = ingestor;
        this.cursors = cursors;
        this.leases = leases;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("change-pollers").daemon().factory());
        running = true;
        int polled = 0;
        for (ConnectorAccount account : accounts.all()) {
            if (account.connector().changePoller().isPresent()) {
                schedule(account, Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, 1_000)));
                polled++;
            }
        }
        if (polled > 0) {
            LOG.info("change polling started for {} account(s)", polled);
        }
    }

    private void schedule(ConnectorAccount account, Duration delay) {
        if (running) {
            scheduler.schedule(() -> poll(account), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void poll(ConnectorAccount account) {
        ChangePoller poller = account.connector().changePoller().orElseThrow();
        if (!leases.hold(account.accountId())) {
            schedule(account, next(poller)); // another instance polls it; ask again in case it dies
            return;
        }
        String cursor;
        try {
            cursor = cursors.get(account.accountId()).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("change poll of account {} skipped: its cursor cannot be read ({})", account.accountId(), e.getMessage());
            schedule(account, next(poller));
            return;
        }
        RequestScope scope = RequestScope.start("poll-" + account.accountId(), settings.timeout(), clock);
        invoker.call(account, "changes.poll", scope, context -> poller.poll(context, cursor)).whenComplete((batch, failure) -> {
            try {
                if (failure == null) {
                    commit(account, batch);
                } else {
                    LOG.warn("change poll of account {} failed: {}; the next poll repeats it from the same cursor", account.accountId(),
                            ConnectorInvoker.failureOf(failure).message());
                }
            } catch (RuntimeException e) {
                LOG.warn("change poll of account {} could not be recorded; the next poll repeats it", account.accountId(), e);
            } finally {
                schedule(account, next(poller));
            }
        });
    }

    private void commit(ConnectorAccount account, ChangeBatch batch) {
        ingestor.ingest(account.connectorId(), batch.events());
        cursors.commit(account.accountId(), batch.nextCursor()); // only once the events are in the log
    }

    private Duration next(ChangePoller poller) {
        Duration interval = poller.suggestedInterval().compareTo(settings.minInterval()) < 0 ? settings.minInterval()
                : poller.suggestedInterval();
        long jitter = interval.toMillis() / 10;
        return interval.plusMillis(jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        leases.close(); // another instance takes the accounts over at its next look, not after the lease TTL
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
