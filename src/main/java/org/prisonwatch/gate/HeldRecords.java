package org.prisonwatch.gate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.api.HeldRows;

/**
 * What this instance last read of each record's gating facts (version, confidentiality, submitter), so that a GET
 * by id whose render {@link RenderedViews} still keeps costs no query at all. Unlike a render, which its version
 * keys, these facts go stale when the record is written elsewhere, so they are trusted only within bounds:
 * <ul>
 * <li>a write through this instance forgets the record as it commits, before its response is sent;</li>
 * <li>a write through another instance is forgotten (facts and renders) when the change feed's follower next
 * catches up, and nothing is answered from memory unless its last catch-up began at most
 * {@code prisonwatch.read-cache.max-staleness} ago: a follower that stalls, or has never caught up, or has lost
 * track (a restore, a failover to a replica behind), makes every read load its row again;</li>
 * <li>a row changed outside the service, which the feed never hears of, is read again after
 * {@code prisonwatch.read-cache.max-age}.</li>
 * </ul>
 * A record loaded while a write is forgotten is not kept: each forgetting moves a generation on, and facts read
 * before it are refused, so no late reader puts back what was just forgotten.
 *
 * <p>A list page's gating facts are held the same way ({@link HeldRows}), by the statement that read them, so that a
 * page read again whose renders are kept costs no query either. Any write may change any page (a new record joins
 * it, a prison's region moves incidents in or out of a filter), so a held page stands only while the generation it
 * was read at is still the current one: every write heard of, here or through the feed, refuses every page at once.
 */
@Singleton
public class HeldRecords implements HeldRows {

    @ConfigProperty(name = "prisonwatch.read-cache.max-staleness")
    Duration maxStaleness;

    @ConfigProperty(name = "prisonwatch.read-cache.catch-up-every")
    Duration catchUpEvery;

    @ConfigProperty(name = "prisonwatch.read-cache.max-records")
    int maxRecords;

    @ConfigProperty(name = "prisonwatch.read-cache.max-age")
    Duration maxAge;

    @Inject
    TransactionSynchronizationRegistry synchronizations;

    @Inject
    RenderedViews rendered;

    @Inject
    MeterRegistry metrics;

    private Cache<UUID, Held> held;

    private Cache<Statement, HeldPage> pages;

    /** Moved on by every forgetting; written under this object's lock, read without it. */
    private volatile long generation;

    /** System.nanoTime() when the last successful catch-up began; only meaningful while {@link #following}. */
    private volatile long caughtUpAt;

    private volatile boolean following;

    /** Records written through this instance, by the feed position of their last write, until the follower passes. */
    private final Map<UUID, Long> forgottenHere = new ConcurrentHashMap<>();

    private Counter fromMemory;
    private Counter fromDatabase;
    private Counter pagesFromMemory;
    private Counter pagesFromDatabase;

    /** A record's gating facts as read, and the renderer whose renders of it they stand for. */
    private record Held(Renderer<?, ?> renderer, UUID id, Integer version, Confidentiality confidentiality,
            UUID submittedBy) implements GatedRecord {
    }

    /** A page's rows as read, at the generation they were read at. */
    private record HeldPage(List<Object[]> rows, long generation) {
    }

    /** A write the change feed records: the record and its feed position. */
    public record Write(UUID id, long seq) {
    }

    @PostConstruct
    void build() {
        held = Caffeine.newBuilder().maximumSize(Math.max(1, maxRecords)).expireAfterWrite(maxAge).build();
        // as many rows of pages as records by id, about 100 bytes each: a row is a record's facts and its position;
        // a page's statement counts at its own size (an empty page of a long search is mostly its statement)
        pages = Caffeine.newBuilder().maximumWeight(Math.max(1, maxRecords))
                .weigher((Statement statement, HeldPage page) -> page.rows().size() + weightOf(statement))
                .expireAfterWrite(maxAge).build();
        fromMemory = Counter.builder("prisonwatch.reads.by.id").tag("answered", "memory")
                .description("GETs by id answered with no query: facts and render held (see HeldRecords)")
                .register(metrics);
        fromDatabase = Counter.builder("prisonwatch.reads.by.id").tag("answered", "database")
                .description("GETs by id that read the record's row").register(metrics);
        pagesFromMemory = Counter.builder("prisonwatch.reads.pages").tag("answered", "memory")
                .description("List pages whose rows' gating facts were held, so not queried (see HeldRecords)")
                .register(metrics);
        pagesFromDatabase = Counter.builder("prisonwatch.reads.pages").tag("answered", "database")
                .description("List pages whose rows' gating facts were queried").register(metrics);
    }

    void refuseUselessSettings(@Observes StartupEvent event) {
        if (enabled() && catchUpEvery.multipliedBy(2).compareTo(maxStaleness) > 0) {
            throw new IllegalStateException("PRISONWATCH_READ_CACHE_MAX_STALENESS (" + maxStaleness
                    + ") must be at least twice PRISONWATCH_READ_CACHE_CATCH_UP_EVERY (" + catchUpEvery
                    + "), or reads would be answered from memory only now and then");
        }
    }

    /** Whether reads may be answered from memory at all (a max staleness of 0 turns it off). */
    public boolean enabled() {
        return maxStaleness.compareTo(Duration.ZERO) > 0 && maxAge.compareTo(Duration.ZERO) > 0 && maxRecords > 0;
    }

    /** The most records held: a follower further behind than this forgets them all instead of reading each. */
    public int maxRecords() {
        return maxRecords;
    }

    /**
     * A statement's weight in rows of about 100 bytes: its HQL (two bytes a character at most) and each parameter
     * (a map entry, its name and a value, counted at 100 bytes and twice a text's length), plus the key itself.
     */
    static int weightOf(Statement statement) {
        long bytes = 100 + 2L * statement.hql().length();
        for (Map.Entry<String, Object> parameter : statement.parameters().entrySet()) {
            bytes += 100 + 2L * parameter.getKey().length()
                    + (parameter.getValue() instanceof String text ? 2L * text.length() : 0);
        }
        return (int) Math.min(Integer.MAX_VALUE, (bytes + 99) / 100);
    }

    /** Whether what is held may be trusted now: the feed's follower last caught up within the max staleness. */
    private boolean trusted() {
        return following && System.nanoTime() - caughtUpAt <= maxStaleness.toNanos();
    }

    /** The facts held for the record, as the renderer's, when they may be trusted now; else null. */
    GatedRecord fresh(Renderer<?, ?> renderer, UUID id) {
        if (!trusted()) {
            return null;
        }
        Held facts = held.getIfPresent(id);
        return facts != null && facts.renderer() == renderer ? facts : null;
    }

    /** Taken before a record is loaded, and handed back to {@link #hold}. */
    long generation() {
        return generation;
    }

    /** Keeps the facts of a record loaded after {@code since}, unless something was forgotten meanwhile. */
    synchronized void hold(Renderer<?, ?> renderer, GatedRecord record, long since) {
        if (enabled() && following && since == generation && record.id() != null && record.version() != null) {
            held.put(record.id(), new Held(renderer, record.id(), record.version(), record.confidentiality(),
                    record.submittedBy()));
        }
    }

    /**
     * A page's rows, held while no write has been heard of since they were read; read (and held) otherwise. Only
     * reads outside a transaction are held or answered: they read committed rows, where a write's own read may see
     * its uncommitted changes. The rows are shared between readers, who must not change them.
     */
    @Override
    public List<Object[]> rows(Statement statement, Supplier<List<Object[]>> read) {
        if (!enabled() || !trusted() || !rendered.keepsRendersNow()) {
            pagesFromDatabase.increment();
            return read.get();
        }
        HeldPage page = pages.getIfPresent(statement);
        if (page != null && page.generation() == generation) {
            pagesFromMemory.increment();
            return page.rows();
        }
        long since = generation;
        List<Object[]> rows = read.get();
        pagesFromDatabase.increment();
        holdPage(statement, rows, since);
        return rows;
    }

    private synchronized void holdPage(Statement statement, List<Object[]> rows, long since) {
        if (following && since == generation) {
            pages.put(statement, new HeldPage(List.copyOf(rows), since));
        }
    }

    void answered(boolean fromMemory) {
        (fromMemory ? this.fromMemory : fromDatabase).increment();
    }

    /** Forgets the records' facts: they were written (or their writes heard of) since they were held. */
    public synchronized void forget(Collection<UUID> ids) {
        generation++;
        // pages are refused by their generation from now on; dropping them here would cost every write a pass over
        // them all under this lock, so they leave memory as they are replaced, evicted or expire
        held.invalidateAll(ids);
    }

    /**
     * Forgets the record when the current transaction ends, committed or not: before that it may still be
     * answered as it was, which is what every other reader sees until the commit. A committed write is remembered
     * by its feed position ({@code seq}), so that the feed's follower, reaching it, does not forget again what
     * was read after it.
     */
    public void forgetWhenDone(UUID id, long seq) {
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget(List.of(id));
                if (status == Status.STATUS_COMMITTED && enabled()) {
                    if (forgottenHere.size() >= maxRecords) {
                        // the follower has not passed them for long: forgetting again is all it costs
                        forgottenHere.clear();
                    }
                    forgottenHere.merge(id, seq, Math::max);
                }
            }
        });
    }

    /**
     * The change feed's follower caught up to {@code position}: the records written since its last catch-up are
     * forgotten, renders too (but for writes made here, forgotten as they committed), and the rest may be trusted
     * until {@code startedAt} (a System.nanoTime()) is more than the max staleness ago.
     */
    public void caughtUp(long startedAt, List<Write> written, long position) {
        Set<UUID> heardOf = new HashSet<>();
        for (Write write : written) {
            if (forgottenHere.getOrDefault(write.id(), Long.MIN_VALUE) < write.seq()) {
                heardOf.add(write.id());
            }
        }
        if (!heardOf.isEmpty()) {
            forget(heardOf);
            // an erasure elsewhere leaves the erased value in renders here that no read can reach: drop them too
            rendered.forget(heardOf);
        }
        forgottenHere.values().removeIf(seq -> seq <= position);
        caughtUpAt = startedAt;
        following = true;
    }

    /**
     * The follower cannot tell what was written since its last catch-up (it is starting, the feed went back, a
     * new epoch began, or it fell too far behind): everything held is forgotten, and nothing is held again until
     * it next catches up.
     */
    public void lostTrack() {
        following = false;
        clear();
        forgottenHere.clear();
    }

    /** Whether facts of the record are held (trusted or not). */
    public boolean holds(UUID id) {
        return held.getIfPresent(id) != null;
    }

    /** Forgets every record: for tests that rewrite rows behind the service's back. */
    public void clear() {
        forget(List.copyOf(held.asMap().keySet()));
        pages.invalidateAll();
    }
}
