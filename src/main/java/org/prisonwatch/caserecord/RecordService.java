package org.prisonwatch.caserecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.prisonwatch.api.IfMatch;
import org.prisonwatch.api.MergePatch;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.RecordReference;
import org.prisonwatch.audit.AuditAction;
import org.prisonwatch.audit.AuditLog;
import org.prisonwatch.security.Audience;
import org.prisonwatch.security.Callers;
import org.prisonwatch.security.Role;
import io.quarkus.security.ForbiddenException;

/**
 * The write rules every collection shares: versioned replace and merge patch behind If-Match, soft delete that
 * refuses while other records still point here. Subclasses name their {@link RecordKind} and what their
 * records reference.
 *
 * @param <E> the entity
 * @param <I> the request record holding the editable fields
 * @param <V> the response record
 */
public abstract class RecordService<E extends VersionedEntity, I, V extends VersionedView> {

    @Inject
    protected EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    protected Callers callers;

    @Inject
    protected AuditLog audit;

    private final RecordKind<E, I, V> kind;

    protected RecordService(RecordKind<E, I, V> kind) {
        this.kind = kind;
    }

    /** Copies the input onto the entity; collections with references override this to check them first. */
    protected void apply(I input, E entity) {
        kind.copy().accept(input, entity);
    }

    /** Throws a 409 problem when live records still reference this one. */
    protected void ensureUnreferenced(E entity) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public V get(UUID id) {
        return kind.toView().apply(live(id, LockModeType.NONE), callers.audience());
    }

    @Transactional
    public V create(I input) {
        Audience audience = callers.audience();
        E entity = kind.newEntity().get();
        refuseRaisedVerification(audience, input, null);
        if (entity instanceof ProtectedEntity submitted) {
            submitted.submittedBy = audience.keyId();
        }
        apply(input, entity);
        entity.touch();
        em.persist(entity);
        em.flush();
        audit(AuditAction.CREATE, entity);
        return kind.toView().apply(entity, callers.audience());
    }

    @Transactional
    public V replace(UUID id, String ifMatch, I input) {
        E entity = live(id, LockModeType.NONE);
        IfMatch.require(ifMatch, entity.version);
        return update(entity, input);
    }

    @Transactional
    public V patch(UUID id, String ifMatch, JsonNode patch) {
        E entity = live(id, LockModeType.NONE);
        IfMatch.require(ifMatch, entity.version);
        I input = MergePatch.apply(mapper, kind.toInput().apply(entity), patch, kind.inputType());
        Set<ConstraintViolation<I>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return update(entity, input);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        // the write lock makes a concurrent insert that references this record wait, then see it deleted
        E entity = live(id, LockModeType.PESSIMISTIC_WRITE);
        IfMatch.require(ifMatch, entity.version);
        ensureUnreferenced(entity);
        entity.deletedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        entity.touch();
        em.flush();
        audit(AuditAction.DELETE, entity);
    }

    private V update(E entity, I input) {
        Audience audience = callers.audience();
        if (audience.is(Role.REPORTER) && entity instanceof ProtectedEntity record
                && !audience.keyId().equals(record.submittedBy)) {
            throw new ForbiddenException("Your role may change only your own submissions");
        }
        refuseRaisedVerification(audience, input, kind.toInput().apply(entity));
        apply(input, entity);
        entity.touch();
        em.flush();
        audit(AuditAction.UPDATE, entity);
        return kind.toView().apply(entity, callers.audience());
    }

    private void audit(AuditAction action, E entity) {
        audit.record(action, kind.entityType().getSimpleName(), entity.id, entity.version);
    }

    /** Reporters submit; verifying is for analysts: a reporter may keep a record's status or leave it REPORTED. */
    private void refuseRaisedVerification(Audience audience, I input, I stored) {
        if (!audience.is(Role.REPORTER) || !(input instanceof VerifiableInput wanted)) {
            return;
        }
        VerificationStatus allowed = stored instanceof VerifiableInput current ? current.verificationStatus()
                : VerificationStatus.REPORTED;
        if (wanted.verificationStatus() != allowed && wanted.verificationStatus() != VerificationStatus.REPORTED) {
            throw new ForbiddenException("Your role may not change a record's verificationStatus");
        }
    }

    /**
     * Up to 100 live records of a collection that point at the given id. The query names the entity as e and
     * the id as :id, e.g. {@code from Incident e where e.prisonId = :id}.
     */
    protected List<RecordReference> referencing(String collection, String fromWhere, UUID id) {
        return em.createQuery("select distinct e.id " + fromWhere + " and e.deletedAt is null order by e.id",
                        UUID.class)
                .setParameter("id", id).setMaxResults(100).getResultStream()
                .map(ref -> new RecordReference(collection, ref)).toList();
    }

    /** Refuses the delete with 409 when any of the reference lists is non-empty. */
    @SafeVarargs
    protected final void refuseIfReferenced(List<RecordReference>... references) {
        List<RecordReference> all = Stream.of(references).flatMap(List::stream).limit(100).toList();
        if (!all.isEmpty()) {
            throw ProblemException.stillReferenced(kind.label(), all);
        }
    }

    /** The record unless it is absent, deleted or hidden from the caller: all the same 404, so nothing leaks. */
    protected E live(UUID id, LockModeType lock) {
        E entity = em.find(kind.entityType(), id, lock);
        if (entity == null || entity.isDeleted() || (entity instanceof ProtectedEntity record
                && !callers.audience().maySee(record.confidentiality, record.submittedBy))) {
            throw ProblemException.notFound(kind.label());
        }
        return entity;
    }
}
