package org.prisonwatch.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Sees every SQL statement Hibernate prepares, and can stop one request between two of its statements, so a test
 * can commit writes at exactly that moment. Armed with {@link #beforeSecond}, the first thread to prepare a matching
 * statement is the one watched; when that thread prepares its second matching statement, it stops there (before the
 * statement runs) until the test releases it. Every other thread, and every statement while nothing is armed, passes
 * untouched, so the rest of the suite runs through it unchanged. Test code only: production has no such hook.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class PausingStatements implements StatementInspector {

    /** The change feed's keyset reads: a select from record_change with an ORDER BY (lookups by id have none). */
    public static final Pattern FEED_KEYSET_READ =
            Pattern.compile("(?is)\\bfrom\\s+record_change\\b.*\\border\\s+by\\b");

    private static volatile Pause pause;

    /** One armed pause: {@link #awaitPaused} returns once the watched thread has stopped. */
    public static final class Pause {

        private final Pattern statement;
        private final CountDownLatch paused = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private Thread watched;
        private String pausedBefore;

        private Pause(Pattern statement) {
            this.statement = statement;
        }

        /** Waits until the watched thread has stopped; returns the statement it stopped before. */
        public String awaitPaused() throws InterruptedException {
            if (!paused.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("no thread reached a second matching statement");
            }
            synchronized (this) {
                return pausedBefore;
            }
        }

        /** Lets the watched thread go on (and disarms the pause, if it never paused). */
        public void release() {
            if (pause == this) {
                pause = null;
            }
            released.countDown();
        }

        private void seen(String sql) {
            synchronized (this) {
                if (watched == null) {
                    watched = Thread.currentThread();
                    return;
                }
                if (watched != Thread.currentThread() || paused.getCount() == 0) {
                    return;
                }
                pausedBefore = sql;
                pause = null;
                paused.countDown();
            }
            try {
                if (!released.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the pause was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Arms a pause before the second statement matching the pattern that one thread prepares. */
    public static Pause beforeSecond(Pattern statement) {
        Pause armed = new Pause(statement);
        pause = armed;
        return armed;
    }

    @Override
    public String inspect(String sql) {
        Pause current = pause;
        if (current != null && current.statement.matcher(sql).find()) {
            current.seen(sql);
        }
        return sql;
    }
}
