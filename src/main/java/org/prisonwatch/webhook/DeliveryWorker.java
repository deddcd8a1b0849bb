package org.prisonwatch.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries: one thread per instance that claims what is due ({@link DeliveryQueue}), at most batch
 * attempts at a time and one per subscription (so each target hears its events in order), and goes on until
 * nothing is due. It then waits for a write through this instance, the next retry it knows of, or the poll
 * interval, whichever comes first: writes through other instances and their retries are found by the poll.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    DeliveryQueue queue;

    @Inject
    WebhookSender sender;

    @Inject
    MeterRegistry metrics;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = "prisonwatch.webhooks.poll-every")
    Duration pollEvery;

    @ConfigProperty(name = "prisonwatch.webhooks.claim-for")
    Duration lease;

    @ConfigProperty(name = "prisonwatch.webhooks.timeout")
    Duration timeout;

    @ConfigProperty(name = "prisonwatch.webhooks.batch")
    int batch;

    @ConfigProperty(name = "prisonwatch.webhooks.retry-schedule")
    List<Duration> schedule;

    /** Marks, in a transaction's resources, that it wakes the worker when it commits. */
    private static final Object WAKE_ON_COMMIT = new Object();

    /** This instance's name on its claims: a restarted instance is another worker. */
    private final String name = "worker-" + UUID.randomUUID();
    private final Object signal = new Object();
    private boolean woken;
    private Instant nextRetry = Instant.MAX;
    private volatile boolean running;
    private Thread thread;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService settling = Executors.newFixedThreadPool(2, runnable -> {
        Thread settler = new Thread(runnable, "webhook-settling");
        settler.setDaemon(true);
        return settler;
    });

    void start(@Observes StartupEvent event) {
        if (lease.compareTo(timeout.multipliedBy(3)) < 0) {
            throw new IllegalStateException("PRISONWATCH_WEBHOOK_CLAIM_FOR (" + lease + ") must be at least three "
                    + "times PRISONWATCH_WEBHOOK_TIMEOUT (" + timeout + "): a claim that lapses while its attempt "
                    + "still runs lets another instance send the same delivery beside it");
        }
        if (schedule.isEmpty() || schedule.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalStateException("PRISONWATCH_WEBHOOK_RETRY_SCHEDULE needs at least one delay, none "
                    + "negative: " + schedule);
        }
        if (batch < 1 || pollEvery.isNegative() || pollEvery.isZero()) {
            throw new IllegalStateException("PRISONWATCH_WEBHOOK_BATCH (" + batch + ") must be at least 1 and "
                    + "PRISONWATCH_WEBHOOK_POLL_EVERY (" + pollEvery + ") more than 0");
        }
        running = true;
        thread = new Thread(this::run, "webhook-deliveries");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(timeout.toMillis() * 2);
        }
        settling.shutdown();
        settling.awaitTermination(timeout.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Something will be due once the current transaction commits (a write, a manual retry): look then. Once per
     * transaction, however many writes it holds (a bulk chunk holds a hundred).
     */
    public void wakeAfterCommit() {
        if (transactions.getResource(WAKE_ON_COMMIT) != null) {
            return;
        }
        transactions.putResource(WAKE_ON_COMMIT, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    /** Something may be due now: look at once. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                if (round() == 0) {
                    idle();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database away for a moment, say: the deliveries wait in it, nothing is lost
                LOG.warnf("Webhook deliveries paused: %s", e.toString());
                try {
                    Thread.sleep(pollEvery.toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Claims what is due, up to the room left beside the attempts still running, and sends it; how many it claimed.
     * Each attempt is settled as it ends, on a thread of its own, and the loop is woken to fill its place: a slow
     * receiver holds its own subscription back, no one else's.
     */
    @ActivateRequestContext
    int round() {
        int room = batch - inFlight.get();
        if (room <= 0 || !queue.anythingDue(now())) {
            return 0;
        }
        List<Claim> claims = queue.claim(name, now(), lease, room);
        for (Claim claim : claims) {
            if (claim.cancel()) {
                queue.cancel(claim, now());
                continue;
            }
            inFlight.incrementAndGet();
            // settled off the event loop that ends the attempt: it must not wait on the database
            sender.send(claim.url(), claim.secrets(), claim.webhookId(), claim.body())
                    .whenCompleteAsync((outcome, neverThrown) -> {
                        try {
                            settled(claim, outcome);
                        } catch (RuntimeException e) {
                            // the claim lapses and another attempt follows: nothing is lost
                            LOG.warnf("A webhook attempt could not be logged: %s", e.toString());
                        } finally {
                            inFlight.decrementAndGet();
                            wake();
                        }
                    }, settling);
        }
        return claims.size();
    }

    private void settled(Claim claim, WebhookSender.Outcome outcome) {
        Instant retryAt = queue.settle(claim, name, outcome, now(), schedule);
        metrics.counter("prisonwatch_webhook_attempts_total", "outcome",
                outcome.succeeded() ? "delivered" : "failed").increment();
        if (retryAt != null) {
            synchronized (signal) {
                if (retryAt.isBefore(nextRetry)) {
                    nextRetry = retryAt;
                }
            }
        }
    }

    private void idle() throws InterruptedException {
        synchronized (signal) {
            long wait = pollEvery.toMillis();
            if (nextRetry != Instant.MAX) {
                wait = Math.max(1, Math.min(wait, Duration.between(Instant.now(), nextRetry).toMillis()));
                nextRetry = Instant.MAX;
            }
            if (!woken) {
                signal.wait(wait);
            }
            woken = false;
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
