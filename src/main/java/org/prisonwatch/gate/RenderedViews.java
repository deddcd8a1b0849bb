package org.prisonwatch.gate;

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
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Responses this instance has rendered for the current state of records, by record, version and disclosure, so
 * that a record read again costs its row and not its collections and rendering (and, read by id while
 * {@link HeldRecords} trusts its facts, not even its row). Exact without any
 * invalidation: every write to a record, erasure included, moves its version on, and the version a read finds in
 * the row it just loaded is the key, so a changed record is never answered from here.
 *
 * <p>Only renders made outside a transaction are kept: those read committed rows, whereas a write's own render
 * could belong to a version that is rolled back and later reused. Past versions (history) never come here:
 * erasure rewrites them without renumbering. Entries expire after {@code prisonwatch.view-cache.ttl}, which bounds
 * how long a row changed behind the service's back (by hand, or a restored backup) can still be answered as it
 * was; {@code prisonwatch.view-cache.megabytes} bounds the memory, weighed by each render's text (0 turns
 * the cache off), so that records of the largest size a caller may write cannot fill the heap.
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

    private Cache<Key, Object> views;

    /** What a render weighs: two bytes a character of its text (its record's string form), plus the entry. */
    private static int weight(Object view) {
        return 2 * view.toString().length() + 256;
    }

    private record Key(Renderer<?, ?> renderer, UUID id, int version, Disclosure disclosure) {
    }

    @PostConstruct
    void build() {
        views = Caffeine.newBuilder().maximumWeight(Math.max(1, size) * 1024L * 1024L)
                .weigher((Key key, Object view) -> weight(view)).expireAfterWrite(ttl).build();
    }

    <E extends GatedRecord, V> V render(Renderer<E, V> renderer, E record, Disclosure disclosure) {
        if (size == 0 || record.id() == null || record.version() == null) {
            return renderer.render(record, disclosure);
        }
        Key key = new Key(renderer, record.id(), record.version(), disclosure);
        @SuppressWarnings("unchecked")
        V view = (V) views.getIfPresent(key);
        if (view == null) {
            view = renderer.render(record, disclosure);
            if (keepsRendersNow()) {
                views.put(key, view);
            }
        }
        return view;
    }

    /** The render kept for this version of the record and this disclosure, if any. */
    <V> V kept(Renderer<?, V> renderer, GatedRecord record, Disclosure disclosure) {
        @SuppressWarnings("unchecked")
        V view = size == 0 ? null
                : (V) views.getIfPresent(new Key(renderer, record.id(), record.version(), disclosure));
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
