package org.prisonwatch.change;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
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

    @Inject
    EntityManager em;

    @Inject
    Callers callers;

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
    public ChangePage read(String after, int limit, List<ChangedEntity> entities) {
        Filter filter = callers.audience().restrictChanges(new Filter());
        if (entities != null && !entities.isEmpty()) {
            filter.always("c.entity in :entities")
                    .bind("entities", entities.stream().map(ChangedEntity::storedName).distinct().toList());
        }
        Slice<RecordChange> slice = inCommitOrderFor(callers.audience()).slice(em, filter, POSITION, "after", after,
                limit);

        Map<UUID, CurrentState<?>> now = currentStates(slice.rows());
        List<ChangeView> items = new ArrayList<>(slice.rows().size());
        for (RecordChange row : slice.rows()) {
            CurrentState<?> state = now.get(row.entityId);
            items.add(new ChangeView(slice.cursorAfter().apply(row), ChangedEntity.ofStoredName(row.entity),
                    row.entityId, state.view() == null ? ChangeOp.DELETE : ChangeOp.UPSERT, state.version(),
                    state.changedAt(), state.view()));
        }
        return new ChangePage(items, slice.next());
    }

    /**
     * Commit order as the caller sees it, ties (none today) by record id. Staff follow every write (seq).
     * Anonymous callers follow public_seq and partners shared_seq, which stay put while a record is hidden from
     * them, so a withdrawn record's DELETE is heard once and later work on it is not heard at all; a submitter
     * follows every write to its own records. All are audit sequence numbers, taken in commit order.
     */
    private static Keyset<RecordChange> inCommitOrderFor(Audience audience) {
        SortKey<RecordChange> position;
        if (audience.seesEverything()) {
            position = new SortKey<>(POSITION, "seq", c -> c.seq, KeyCodec.LONGS);
        } else {
            boolean partner = audience.is(Role.PARTNER);
            String theirs = partner ? "c.sharedSeq" : "c.publicSeq";
            Function<RecordChange, Long> theirsOf = partner ? c -> c.sharedSeq : c -> c.publicSeq;
            UUID caller = audience.keyId();
            position = caller == null ? new SortKey<>(POSITION, theirs.substring(2), theirsOf::apply, KeyCodec.LONGS)
                    : new SortKey<>(POSITION, "(case when c.submittedBy = :caller then c.seq else " + theirs + " end)",
                            c -> caller.equals(c.submittedBy) ? c.seq : theirsOf.apply(c), KeyCodec.LONGS);
        }
        return Keyset.of(RecordChange.class, "c", "changes", SortKey.uuid("entityId", c -> c.entityId),
                List.of(position));
    }

    /** One query per kind of record on the page. */
    private Map<UUID, CurrentState<?>> currentStates(List<RecordChange> rows) {
        Map<String, List<UUID>> idsByEntity = rows.stream().collect(Collectors.groupingBy(row -> row.entity,
                Collectors.mapping(row -> row.entityId, Collectors.toList())));
        Map<UUID, CurrentState<?>> states = new HashMap<>();
        for (RecordService<?, ?, ?> service : services) {
            List<UUID> ids = idsByEntity.get(service.kind().storedName());
            if (ids != null) {
                service.current(ids).forEach(state -> states.put(state.id(), state));
            }
        }
        return states;
    }
}
