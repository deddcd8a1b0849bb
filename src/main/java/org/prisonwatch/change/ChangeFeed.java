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
import java.util.stream.Collectors;
import org.prisonwatch.access.Callers;
import org.prisonwatch.api.Filter;
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

    /** Commit order: the audit sequence number of each record's latest write, ties (none today) by record id. */
    private static final Keyset<RecordChange> IN_COMMIT_ORDER = Keyset.of(RecordChange.class, "c", "changes",
            SortKey.uuid("entityId", c -> c.entityId), List.of(SortKey.longNumber("seq", c -> c.seq)));

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
        Slice<RecordChange> slice = IN_COMMIT_ORDER.slice(em, filter, "seq", "after", after, limit);

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
