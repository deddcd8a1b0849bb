package org.prisonwatch.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.prisonwatch.api.IfMatch;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.burmese.ZawgyiOriginals;
import org.prisonwatch.caserecord.RecordKind;
import org.prisonwatch.caserecord.VersionedEntity;
import org.prisonwatch.gate.IdentifyingField;
import org.prisonwatch.gate.RenderedViews;
import org.prisonwatch.idempotency.IdempotencyRecords;
import org.prisonwatch.journal.WriteJournal;

/**
 * Erasure for an endangered person: removes an identifying field from the record, from every stored version of
 * it and from every stored idempotent response, in one transaction. The erasure itself is a write, journaled like
 * any other, so the audit log says it happened (and by whom) without holding the value; deleted records can be
 * erased too, since a soft delete leaves the value in the row.
 */
@ApplicationScoped
public class RecordErasure {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    WriteJournal journal;

    @Inject
    IdempotencyRecords idempotencyRecords;

    /** This instance's renders of the record; other instances' expire (prisonwatch.view-cache.ttl). */
    @Inject
    RenderedViews renders;

    /** Returns the record's new version. */
    @Transactional
    public <E extends VersionedEntity, I> int erase(RecordKind<E, I, ?> kind, IdentifyingField field, UUID id,
            String ifMatch) {
        E entity = em.find(kind.entityType(), id, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw ProblemException.notFound(kind.label());
        }
        IfMatch.require(ifMatch, entity.version);
        ObjectNode before = mapper.valueToTree(kind.toInput().apply(entity));
        ObjectNode fields = before.deepCopy();
        fields.putNull(field.jsonName());
        I erased = mapper.convertValue(fields, kind.inputType());
        kind.copy().accept(erased, entity);
        entity.keepZawgyiStanding(ZawgyiOriginals.none(), before, mapper.valueToTree(erased));
        entity.touch();
        em.flush();
        journal.recorded(field.erase(), kind, entity);
        journal.eraseFromVersions(kind.storedName(), id, field.jsonName());
        idempotencyRecords.eraseFromResponses(id, field.jsonName());
        renders.forgetOnCommit(id);
        return entity.version;
    }
}
