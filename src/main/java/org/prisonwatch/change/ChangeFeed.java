package org.prisonwatch.change;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.prisonwatch.api.Filter;
import org.prisonwatch.caserecord.CurrentState;
import org.prisonwatch.journal.RecordChange;
import org.prisonwatch.collection.RecordService;
import org.prisonwatch.access.Callers;

/**
 * Reads the change feed for the caller. Each record sits in the feed once, at the position of its latest write,
 * and comes with its current state: a replica that applies every entry in order holds what the caller may see.
 */
@ApplicationScoped
public class ChangeFeed {

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
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChangePage read(String after, int limit, List<ChangedEntity> entities) {
        FeedPosition from = after == null ? FeedPosition.START : FeedPosition.decode(after);
        Filter filter = callers.audience().restrictChanges(new Filter()
                .always("(c.seq > :seq or (c.seq = :seq and c.entityId > :id))")
                .bind("seq", from.seq()).bind("id", from.id()));
        if (entities != null && !entities.isEmpty()) {
            filter.always("c.entity in :entities")
                    .bind("entities", entities.stream().map(ChangedEntity::storedName).distinct().toList());
        }
        TypedQuery<RecordChange> query = em.createQuery("select c from RecordChange c where " + filter.where()
                + " order by c.seq, c.entityId", RecordChange.class);
        filter.parameters().forEach(query::setParameter);
        List<RecordChange> rows = query.setMaxResults(limit).getResultList();

        Map<UUID, CurrentState<?>> now = currentStates(rows);
        List<ChangeView> items = new ArrayList<>(rows.size());
        for (RecordChange row : rows) {
            CurrentState<?> state = now.get(row.entityId);
            items.add(new ChangeView(row.seq, ChangedEntity.ofStoredName(row.entity), row.entityId,
                    state.view() == null ? ChangeOp.DELETE : ChangeOp.UPSERT, state.version(), state.changedAt(),
                    state.view()));
        }
        FeedPosition next = rows.isEmpty() ? from
                : new FeedPosition(rows.get(rows.size() - 1).seq, rows.get(rows.size() - 1).entityId);
        return new ChangePage(items, next.encode());
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
