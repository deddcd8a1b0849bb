package org.prisonwatch.caserecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.prisonwatch.api.Cursor;
import org.prisonwatch.api.IfMatch;
import org.prisonwatch.api.MergePatch;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemType;
import org.prisonwatch.api.RecordReference;
import org.prisonwatch.audit.AuditAction;
import org.prisonwatch.audit.AuditLog;
import org.prisonwatch.security.Audience;
import org.prisonwatch.security.Callers;

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

    private static final String EXTERNAL_REF_FIELD = "externalRef";
    private static final Pattern EXTERNAL_REF = Pattern.compile(ExternalRef.CHARACTERS);

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

    @Inject
    RecordChanges changes;

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
            refuseTakenExternalRef(submitted.submittedBy, externalRefOf(input), null);
        }
        apply(input, entity);
        entity.touch();
        em.persist(entity);
        em.flush();
        audit(AuditAction.CREATE, entity);
        return kind.toView().apply(entity, audience);
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
        if (audience.submitsOwnRecords() && entity instanceof ProtectedEntity record
                && !audience.keyId().equals(record.submittedBy)) {
            throw new ForbiddenException("Your role may change only your own submissions");
        }
        refuseRaisedVerification(audience, input, kind.toInput().apply(entity));
        if (entity instanceof ProtectedEntity record) {
            refuseTakenExternalRef(record.submittedBy, externalRefOf(input), entity.id);
        }
        apply(input, entity);
        entity.touch();
        em.flush();
        audit(AuditAction.UPDATE, entity);
        return kind.toView().apply(entity, audience);
    }

    /**
     * PUT /{collection}/by-ref/{externalRef}: creates the caller's record with this reference, or replaces it.
     * If-Match is optional on create (and fails if given, since there is nothing to match) and required to change
     * an existing record; a repeat of the stored state needs none, so a retried create simply succeeds.
     */
    @Transactional
    public Upserted<V> upsertByRef(String externalRef, String ifMatch, I input) {
        if (externalRef == null || externalRef.length() > ExternalRef.MAX_LENGTH
                || !EXTERNAL_REF.matcher(externalRef).matches()) {
            throw ProblemException.invalidParameter(EXTERNAL_REF_FIELD, ExternalRef.MESSAGE);
        }
        String bodyRef = externalRefOf(input);
        if (bodyRef != null && !bodyRef.equals(externalRef)) {
            throw ProblemException.invalidField(EXTERNAL_REF_FIELD, "must be left out or equal the externalRef "
                    + "in the path");
        }
        I referenced = bodyRef == null ? withExternalRef(input, externalRef) : input;
        E existing = findOwnByRef(callers.audience().keyId(), externalRef);
        if (existing == null) {
            if (!IfMatch.isAbsent(ifMatch)) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match was given, but you have no "
                        + kind.label().toLowerCase() + " with externalRef " + externalRef + " to match");
            }
            return new Upserted<>(true, create(referenced));
        }
        if (existing.isDeleted()) {
            throw new ProblemException(ProblemType.CONFLICT, "Your " + kind.label().toLowerCase() + " with "
                    + "externalRef " + externalRef + " was deleted by an administrator; a deleted reference is not "
                    + "reused, so send the record under a new externalRef");
        }
        if (IfMatch.isAbsent(ifMatch) && sameAsStored(existing, referenced)) {
            return new Upserted<>(false, kind.toView().apply(existing, callers.audience()));
        }
        IfMatch.require(ifMatch, existing.version);
        return new Upserted<>(false, update(existing, referenced));
    }

    private E findOwnByRef(UUID submitter, String externalRef) {
        if (!ExternallyReferenced.class.isAssignableFrom(kind.inputType()) || submitter == null) {
            throw new IllegalStateException(kind.label() + " records are not addressed by reference");
        }
        return em.createQuery("select e from " + entityName() + " e where e.submittedBy = :submitter "
                        + "and e.externalRef = :ref", kind.entityType())
                .setParameter("submitter", submitter).setParameter("ref", externalRef)
                .getResultStream().findFirst().orElse(null);
    }

    /** Whether writing the input would leave the record's editable fields as they are. */
    private boolean sameAsStored(E stored, I input) {
        E scratch = kind.newEntity().get();
        kind.copy().accept(input, scratch);
        return kind.toInput().apply(scratch).equals(kind.toInput().apply(stored));
    }

    /** One record per submitter and externalRef; the unique index backs this up against concurrent writers. */
    private void refuseTakenExternalRef(UUID submitter, String externalRef, UUID self) {
        if (externalRef == null || submitter == null) {
            return;
        }
        E taken = findOwnByRef(submitter, externalRef);
        if (taken != null && !taken.id.equals(self)) {
            throw new ProblemException(ProblemType.CONFLICT, "The submitter already has a "
                    + kind.label().toLowerCase() + " with externalRef " + externalRef + " (" + taken.id + "); "
                    + "change that one, e.g. with PUT by-ref/" + externalRef);
        }
    }

    private static String externalRefOf(Object input) {
        return input instanceof ExternallyReferenced referenced ? referenced.externalRef() : null;
    }

    /** The input with the path's reference filled in; records are immutable, so by way of its JSON tree. */
    private I withExternalRef(I input, String externalRef) {
        ObjectNode tree = mapper.valueToTree(input);
        tree.put(EXTERNAL_REF_FIELD, externalRef);
        return mapper.convertValue(tree, kind.inputType());
    }

    /**
     * Every write leaves an audit entry, a snapshot of the version it made and its place in the change feed, all
     * in the write's transaction.
     */
    private void audit(AuditAction action, E entity) {
        String name = entityName();
        changes.moved(name, entity, audit.record(action, name, entity.id, entity.version));
        RecordVersion version = new RecordVersion();
        version.entity = name;
        version.entityId = entity.id;
        version.version = entity.version;
        version.recordedAt = entity.updatedAt;
        version.deleted = entity.isDeleted();
        try {
            version.snapshot = mapper.writeValueAsString(kind.toInput().apply(entity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record could not be written as JSON", e);
        }
        em.persist(version);
    }

    /**
     * The versions of a live record the caller may see, oldest first, each rendered for the caller's audience as
     * the record was then. A version the caller may not see (say, while it was CONFIDENTIAL) is left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<V> history(UUID id, PageParams page) {
        E current = live(id, LockModeType.NONE);
        Audience audience = callers.audience();
        int after = 0;
        if (page.cursor != null) {
            Cursor cursor = Cursor.decode(page.cursor);
            if (!cursor.id().equals(id) || !"version".equals(cursor.sort()) || cursor.value() == null
                    || !cursor.value().matches("\\d{1,9}")) {
                throw ProblemException.invalidParameter("cursor", "belongs to another list");
            }
            after = Integer.parseInt(cursor.value());
        }
        int limit = page.limitOrDefault();
        List<RecordVersion> rows = em.createQuery("select v from RecordVersion v where v.entity = :entity and "
                        + "v.entityId = :id and v.version > :after and v.deleted = false order by v.version",
                        RecordVersion.class)
                .setParameter("entity", entityName()).setParameter("id", id)
                .setParameter("after", after).setMaxResults(limit + 1).getResultList();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new Cursor("version", rows.get(limit - 1).version.toString(), id).encode();
        }
        List<V> items = new ArrayList<>();
        for (RecordVersion row : rows) {
            E then = asOf(current, row);
            if (!(then instanceof ProtectedEntity record) || audience.maySee(record)) {
                items.add(kind.toView().apply(then, audience));
            }
        }
        return new Page<>(items, next);
    }

    /** The name records of this kind go by in the audit log, their history and the change feed. */
    public String entityName() {
        return kind.entityType().getSimpleName();
    }

    /**
     * The records with these ids as they are now, for the change feed: each rendered for the caller, or without a
     * view when it is deleted or hidden from the caller. Ids of other kinds are left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CurrentState<V>> current(Collection<UUID> ids) {
        Audience audience = callers.audience();
        List<CurrentState<V>> states = new ArrayList<>();
        for (E entity : em.createQuery("select e from " + entityName() + " e where e.id in :ids", kind.entityType())
                .setParameter("ids", ids).getResultList()) {
            boolean visible = !entity.isDeleted()
                    && (!(entity instanceof ProtectedEntity record) || audience.maySee(record));
            states.add(new CurrentState<>(entity.id, entity.version, entity.updatedAt,
                    visible ? kind.toView().apply(entity, audience) : null));
        }
        return states;
    }

    /** A detached copy of the record as it was in the given version; never persisted. */
    private E asOf(E current, RecordVersion row) {
        E then = kind.newEntity().get();
        try {
            kind.copy().accept(mapper.readValue(row.snapshot, kind.inputType()), then);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored version could not be read", e);
        }
        then.id = current.id;
        then.version = row.version;
        then.createdAt = current.createdAt;
        then.updatedAt = row.recordedAt;
        if (then instanceof ProtectedEntity copy && current instanceof ProtectedEntity live) {
            copy.submittedBy = live.submittedBy;
        }
        return then;
    }

    /** Reporters and partners submit; verifying is for analysts: a submitter may keep a record's status or leave it REPORTED. */
    private void refuseRaisedVerification(Audience audience, I input, I stored) {
        if (!audience.submitsOwnRecords() || !(input instanceof VerifiableInput wanted)) {
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
                && !callers.audience().maySee(record))) {
            throw ProblemException.notFound(kind.label());
        }
        return entity;
    }
}
