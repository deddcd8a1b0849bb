package org.prisonwatch.change;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.prisonwatch.access.Audience;
import org.prisonwatch.access.Callers;
import org.prisonwatch.access.Role;
import org.prisonwatch.api.Filter;
import org.prisonwatch.api.KeyCodec;
import org.prisonwatch.api.Keyset;
import org.prisonwatch.api.Slice;
import org.prisonwatch.api.SortKey;
import org.prisonwatch.audit.AuditLog;
import org.prisonwatch.caserecord.CurrentState;
import org.prisonwatch.collection.RecordService;
import org.prisonwatch.journal.RecordChange;

/**
 * Reads the change feed for the caller. Each record sits in the feed once, at the position of its latest write,
 * and comes with its current state: a replica that applies every entry in order holds what the caller may see.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final String POSITION = "position";
    /** Staff, and a submitter over their own records, follow every write. */
    private static final Keyset<RecordChange> EVERY_WRITE =
            inOrderOf(new SortKey<>(POSITION, "seq", c -> c.seq, KeyCodec.LONGS));
    /** A submitter's own feed rows (submittedBy fixed by the filter), read along (submitted_by, seq, entity_id). */
    private static final Keyset<RecordChange> OWN_WRITES = EVERY_WRITE.withFixed("submittedBy");

    @Inject
    EntityManager em;

    @Inject
    FeedEpoch epochs;

    @Inject
    Callers callers;

    @Inject
    AuditLog audit;

    @Inject
    @All
    List<RecordService<?, ?, ?>> services;

    /**
     * The page after the given position. Rows are read in one statement, so they are a prefix of the commit order
     * as of that statement (see V6__change_feed.sql); each record is then loaded as it is now, which may be newer
     * than its row. That newer write has its own, later row, so the client sees the record again, never less.
     * Each entry's seq is the sealed cursor right after it: the audit sequence number it holds counts every
     * write, including those the caller may not see, so it never leaves the server readable.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChangePage read(String epochCursor, int limit, List<ChangedEntity> entities) {
        String epoch = epochs.current();
        // every order of the feed seals under one scope and sort name, so EVERY_WRITE's stands for them all
        String after = FeedEpoch.opened(epoch, epochCursor, EVERY_WRITE.cursorScope(POSITION, "after"),
                cursor -> EVERY_WRITE.issued(POSITION, "after", cursor));
        Audience audience = callers.audience();
        Slice<RecordChange> slice = audience.seesEverything() || !audience.submitsOwnRecords()
                ? inCommitOrderFor(audience).slice(em, ofKinds(entities, audience.restrictChanges(new Filter())),
                        POSITION, "after", after, limit)
                : ownAndOthers(audience, after, limit, entities);

        Map<UUID, CurrentState<?>> now = currentStates(slice.rows(), slice.more());
        List<ChangeView> items = new ArrayList<>(slice.rows().size());
        for (RecordChange row : slice.rows()) {
            CurrentState<?> state = now.get(row.entityId);
            items.add(new ChangeView(FeedEpoch.marked(epoch, slice.cursorAfter().apply(row)),
                    ChangedEntity.ofStoredName(row.entity),
                    row.entityId, state.view() == null ? ChangeOp.DELETE : ChangeOp.UPSERT, state.version(),
                    state.changedAt(), state.view()));
        }
        return new ChangePage(items, FeedEpoch.marked(epoch, slice.next()));
    }

    private static Filter ofKinds(List<ChangedEntity> entities, Filter filter) {
        if (entities != null && !entities.isEmpty()) {
            filter.always("c.entity in :entities")
                    .bind("entities", entities.stream().map(ChangedEntity::storedName).distinct().toList());
        }
        return filter;
    }

    /**
     * Commit order as the caller sees it, ties (none today) by record id. Staff follow every write (seq).
     * Anonymous callers follow public_seq and partners shared_seq, which stay put while a record is hidden from
     * them, so a withdrawn record's DELETE is heard once and later work on it is not heard at all. All are audit
     * sequence numbers, taken in commit order.
     */
    private static Keyset<RecordChange> inCommitOrderFor(Audience audience) {
        if (audience.seesEverything()) {
            return EVERY_WRITE;
        }
        return audience.is(Role.PARTNER)
                ? inOrderOf(new SortKey<>(POSITION, "sharedSeq", c -> c.sharedSeq, KeyCodec.LONGS))
                : inOrderOf(new SortKey<>(POSITION, "publicSeq", c -> c.publicSeq, KeyCodec.LONGS));
    }

    private static Keyset<RecordChange> inOrderOf(SortKey<RecordChange> position) {
        return Keyset.of(RecordChange.class, "c", "changes", SortKey.uuid("entityId", c -> c.entityId),
                List.of(position));
    }

    /**
     * A submitter follows every write to their own records (seq) and the others' records as their audience does.
     * One ORDER BY over "seq if mine, else shared_seq" could use no index, so every page would sort the whole
     * feed; instead each half is read along its own index, at most limit rows of each, and the two are merged.
     * Both halves seal positions under one cursor scope, so a cursor continues either.
     */
    private Slice<RecordChange> ownAndOthers(Audience audience, String after, int limit,
            List<ChangedEntity> entities) {
        // Two statements see two moments: a write to the caller's record committing between them, followed by a
        // later write to another's, would put the later one on the page and the cursor past the earlier one. Read
        // only up to a position every writer below had committed by before either statement ran.
        long horizon = audit.committedSeq();
        boolean partner = audience.is(Role.PARTNER);
        Slice<RecordChange> own = OWN_WRITES.slice(em, ofKinds(entities, audience.ownChanges(new Filter())
                .always("c.seq <= :horizon").bind("horizon", horizon)), POSITION, "after", after, limit);
        Slice<RecordChange> others = inCommitOrderFor(audience).slice(em, ofKinds(entities,
                audience.othersChanges(new Filter()).always((partner ? "c.sharedSeq" : "c.publicSeq")
                        + " <= :horizon").bind("horizon", horizon)), POSITION, "after", after, limit);
        UUID caller = audience.keyId();
        Function<RecordChange, Long> theirs = partner ? c -> c.sharedSeq : c -> c.publicSeq;
        Comparator<RecordChange> order = Comparator.<RecordChange, Long>comparing(
                        c -> caller.equals(c.submittedBy) ? c.seq : theirs.apply(c))
                .thenComparing(c -> c.entityId, ChangeFeed::unsigned);
        List<RecordChange> rows = new ArrayList<>(own.rows());
        rows.addAll(others.rows());
        rows.sort(order);
        boolean more = own.more() || others.more() || rows.size() > limit;
        List<RecordChange> page = rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
        return new Slice<>(page, more, own::from,
                row -> (caller.equals(row.submittedBy) ? own : others).cursorAfter().apply(row));
    }

    /** The databases order UUIDs by their bytes, unsigned; UUID.compareTo compares signed halves. */
    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** One or two queries per kind of record on the page ({@link RecordService#current}). */
    private Map<UUID, CurrentState<?>> currentStates(List<RecordChange> rows, boolean catchingUp) {
        Map<String, List<UUID>> idsByEntity = rows.stream().collect(Collectors.groupingBy(row -> row.entity,
                Collectors.mapping(row -> row.entityId, Collectors.toList())));
        Map<UUID, CurrentState<?>> states = new HashMap<>();
        for (RecordService<?, ?, ?> service : services) {
            List<UUID> ids = idsByEntity.get(service.kind().storedName());
            if (ids != null) {
                service.current(ids, catchingUp).forEach(state -> states.put(state.id(), state));
            }
        }
        return states;
    }
}
