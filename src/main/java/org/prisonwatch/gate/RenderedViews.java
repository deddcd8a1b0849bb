package org.prisonwatch.gate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Responses this instance has rendered for the current state of records, by record, version and disclosure, so
 * that a record read again costs its row and not its rendering (on a list page, only its gating facts: see
 * {@link RecordGate#showKept}; read by id while {@link HeldRecords} trusts its facts, not even its row). Exact without any
 * invalidation: every write to a record, erasure included, moves its version on, and the version a read finds in
 * the row it just loaded is the key, so a changed record is never answered from here.
 *
 * <p>Only renders made outside a transaction are kept: those read committed rows, whereas a write's own render
 * could belong to a version that is rolled back and later reused. Past versions (history) never come here:
 * erasure rewrites them without renumbering. Entries expire after {@code prisonwatch.view-cache.ttl}, which bounds
 * how long a row changed behind the service's back (by hand, or a restored backup) can still be answered as it
 * was; {@code prisonwatch.view-cache.megabytes} bounds the memory, weighed by each render's JSON, which is written
 * as it is kept and copied into every response that carries it again ({@link KeptJson}); 0 turns the cache off.
 * Bounded so that records of the largest size a caller may write cannot fill the heap.
 */
@Singleton
public class RenderedViews {

    @ConfigProperty(name = "prisonwatch.view-cache.megabytes")
    int size;

    @ConfigProperty(name = "prisonwatch.view-cache.ttl")
    Duration ttl;

    @Inject
    TransactionManager transactions;

    @Inject
    TransactionSynchronizationRegistry synchronizations;

    @Inject
    ObjectMapper mapper;

    @Inject
    KeptJson json;

    private Cache<Key, Kept> views;

    /** Moved on by every forgetting, before it drops anything (see {@link #keep}). */
    private final AtomicLong forgettings = new AtomicLong();

    /** A render kept, and the size of its JSON ({@link KeptJson}), which it weighs by. */
    private record Kept(Object view, int jsonBytes) {
    }

    /**
     * What a render weighs: its JSON, and about as much again for the render's own strings (UTF-16, or one byte a
     * character for Latin-1 text, against UTF-8's one to three), plus the entry.
     */
    private static int weight(Kept kept) {
        return 2 * kept.jsonBytes() + 256;
    }

    private record Key(Renderer<?, ?> renderer, UUID id, int version, Disclosure disclosure) {
    }

    @PostConstruct
    void build() {
        views = Caffeine.newBuilder().maximumWeight(Math.max(1, size) * 1024L * 1024L)
                .weigher((Key key, Kept kept) -> weight(kept)).expireAfterWrite(ttl).build();
    }

    /** The kept render for this version and disclosure, else a new one, kept when {@code keep} and it may be. */
    <E extends GatedRecord, V> V render(Renderer<E, V> renderer, E record, Disclosure disclosure, boolean keep) {
        if (size == 0 || record.id() == null || record.version() == null) {
            return renderer.render(record, disclosure);
        }
        Key key = new Key(renderer, record.id(), record.version(), disclosure);
        Kept kept = views.getIfPresent(key);
        if (kept != null) {
            @SuppressWarnings("unchecked")
            V view = (V) kept.view();
            return view;
        }
        long since = forgettings.get();
        V view = renderer.render(record, disclosure);
        if (keep && keepsRendersNow()) {
            keep(key, view, since);
        }
        return view;
    }

    /**
     * Keeps a render made after {@code since}; undone when renders were forgotten meanwhile, so that a read of a
     * record made before its erasure committed does not put the erased value back in memory.
     */
    private void keep(Key key, Object view, long since) {
        ByteArrayOutputStream written = new ByteArrayOutputStream(1024);
        int generatorFeatures;
        try (JsonGenerator out = mapper.createGenerator(written)) {
            // serialized as usual: it is not kept yet, so KeptJsonSerializers has no bytes for it
            mapper.writeValue(out, view);
            generatorFeatures = out.getFeatureMask();
        } catch (IOException e) {
            return;
        }
        RawJson raw = new RawJson(written.toByteArray(), mapper.getSerializationConfig().getSerializationFeatures(),
                generatorFeatures);
        json.keep(view, raw);
        views.put(key, new Kept(view, raw.length()));
        if (forgettings.get() != since) {
            views.invalidate(key);
        }
    }

    /** The render kept for this version of the record and this disclosure, if any. */
    <V> V kept(Renderer<?, V> renderer, GatedRecord record, Disclosure disclosure) {
        Kept kept = size == 0 ? null
                : views.getIfPresent(new Key(renderer, record.id(), record.version(), disclosure));
        @SuppressWarnings("unchecked")
        V view = kept == null ? null : (V) kept.view();
        return view;
    }

    /** Whether renders made now are kept: only outside a transaction, whose reads are of committed rows. */
    boolean keepsRendersNow() {
        return size > 0 && outsideTransaction();
    }

    /**
     * Drops every render of the record once the current transaction commits: an erasure's old renders could never
     * be answered again (their version is gone), but they would still hold the erased value in memory.
     */
    public void forgetOnCommit(UUID id) {
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    forget(Set.of(id));
                }
            }
        });
    }

    /** Drops every render of these records. */
    void forget(Set<UUID> ids) {
        forgettings.incrementAndGet();
        views.asMap().keySet().removeIf(key -> ids.contains(key.id()));
    }

    /** Whether any render of the record is kept. */
    public boolean holds(UUID id) {
        return views.asMap().keySet().stream().anyMatch(key -> key.id().equals(id));
    }

    /** Drops every entry: for tests that rewrite rows behind the service's back. */
    public void clear() {
        views.invalidateAll();
    }

    /** How many renders are kept now (approximate). */
    public long count() {
        return views.estimatedSize();
    }

    private boolean outsideTransaction() {
        try {
            return transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return false;
        }
    }
}
