package org.prisonwatch.collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.prisonwatch.access.Audience;
import org.prisonwatch.access.Callers;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.api.IfMatch;
import org.prisonwatch.api.MergePatch;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageQuery;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemType;
import org.prisonwatch.api.RecordReference;
import org.prisonwatch.api.Slice;
import org.prisonwatch.api.Upserted;
import org.prisonwatch.audit.AuditAction;
import org.prisonwatch.burmese.UnicodeInput;
import org.prisonwatch.burmese.ZawgyiOriginals;
import org.prisonwatch.caserecord.CurrentState;
import org.prisonwatch.caserecord.ExternallyReferenced;
import org.prisonwatch.caserecord.ProtectedEntity;
import org.prisonwatch.caserecord.RecordKind;
import org.prisonwatch.caserecord.RowsById;
import org.prisonwatch.caserecord.VerificationStatus;
import org.prisonwatch.caserecord.VersionedEntity;
import org.prisonwatch.gate.GatedRecord;
import org.prisonwatch.gate.RecordFacts;
import org.prisonwatch.gate.RecordGate;
import org.prisonwatch.journal.WriteJournal;

/**
 * The rules every collection shares: reads through the gate, versioned replace and merge patch behind If-Match,
 * soft delete that refuses while other records still point here, every write recorded by the journal.
 * Subclasses name their {@link RecordKind} and what their records reference.
 *
 * @param <E> the entity
 * @param <I> the request record holding the editable fields
 * @param <V> the response record
 */
public abstract class RecordService<E extends VersionedEntity, I, V> {

    static final String EXTERNAL_REF_FIELD = "externalRef";

    @Inject
    protected EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    protected Callers callers;

    @Inject
    protected RecordGate gate;

    @Inject
    WriteJournal journal;

    @Inject
    RecordHistory histories;

    @Inject
    ByReferenceUpserts byReference;

    @Inject
    BulkUpserts bulk;

    protected final RecordKind<E, I, V> kind;

    /** Whether the records carry a confidentiality and a submitter (all but reference data). */
    private final boolean protectedKind;

    /** What {@link #show(PageQuery)} reads of each row first: what the gate decides by. */
    private final List<String> gatingAttributes;

    /** What {@link #current} reads of each record first: its gating facts, when it changed, whether it is deleted. */
    private final String standingFactsSql;

    protected RecordService(RecordKind<E, I, V> kind) {
        this.kind = kind;
        this.protectedKind = ProtectedEntity.class.isAssignableFrom(kind.entityType());
        this.gatingAttributes = protectedKind ? List.of("id", "version", "confidentiality", "submittedBy")
                : List.of("id", "version");
        this.standingFactsSql = "select id, version, "
                + (protectedKind ? "confidentiality, submitted_by, " : "") + "updated_at, deleted_at from "
                + kind.entityType().getAnnotation(Table.class).name() + " where id in (";
    }

    /** Copies the input onto the entity; collections with references override this to check them first. */
    protected void apply(I input, E entity) {
        kind.copy().accept(input, entity);
    }

    /** Throws a 409 problem when live records still reference this one. */
    protected void ensureUnreferenced(E entity) {
    }

    public RecordKind<E, I, V> kind() {
        return kind;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public V get(UUID id) {
        return gate.showOne(kind.renderer(), id, () -> live(id, LockModeType.NONE));
    }

    /**
     * A page of records, already restricted to what the caller may see, rendered through the gate. First only the
     * rows' gating facts are read (or taken from memory, when this instance holds them and has heard of no write
     * since), and when the gate keeps a render of every one of them for the caller that is the page, one narrow
     * query or none; otherwise the rows are read whole.
     */
    protected Page<V> show(PageQuery<E> query) {
        if (gate.keepsRenders()) {
            Slice<Object[]> facts = query.columns(gatingAttributes, gate.heldRows());
            List<V> kept = gate.showKept(kind.renderer(), facts.rows().stream().map(this::facts).toList());
            if (kept != null) {
                return new Page<>(kept, facts.more() ? facts.next() : null);
            }
        }
        return gate.showPage(kind.renderer(), query.rows());
    }

    private RecordFacts facts(Object[] row) {
        return protectedKind ? new RecordFacts((UUID) row[0], (Integer) row[1], (Confidentiality) row[2], (UUID) row[3])
                : new RecordFacts((UUID) row[0], (Integer) row[1], null, null);
    }

    V show(E entity) {
        return gate.show(kind.renderer(), entity);
    }

    @Transactional
    public V create(I input) {
        return create(unicode(input));
    }

    /**
     * A record as parsed JSON, a tree or a map (a bulk line's, a sealed submission's), read as this collection's
     * input and checked as a JSON body is: Jackson's IllegalArgumentException names a field of the wrong type, a
     * ConstraintViolationException every invalid one.
     */
    public I inputFrom(Object record) {
        I input = mapper.convertValue(record, kind.inputType());
        validate(input);
        return input;
    }

    /** Creates the record and answers with where it is alone: for a caller that shows no record. */
    @Transactional
    public RecordCreated createUnshown(I input) {
        E entity = created(unicode(input));
        return new RecordCreated(entity.id, entity.version);
    }

    V create(UnicodeInput<I> typed) {
        return show(created(typed));
    }

    /** Creates the record and returns it unrendered: for callers that answer with less than the record. */
    E created(UnicodeInput<I> typed) {
        I input = typed.input();
        Audience audience = callers.audience();
        E entity = kind.newEntity().get();
        SubmitterRules.check(audience, input, null);
        if (entity instanceof ProtectedEntity submitted) {
            submitted.submittedBy = audience.keyId();
            refuseTakenExternalRef(submitted.submittedBy, externalRefOf(input), null);
        }
        write(typed, entity);
        entity.touch();
        em.persist(entity);
        em.flush();
        journal.recorded(AuditAction.CREATE, kind, entity);
        return entity;
    }

    @Transactional
    public V replace(UUID id, String ifMatch, I input) {
        E entity = live(id, LockModeType.NONE);
        IfMatch.require(ifMatch, entity.version);
        return update(entity, unicode(input));
    }

    @Transactional
    public V patch(UUID id, String ifMatch, JsonNode patch) {
        E entity = live(id, LockModeType.NONE);
        IfMatch.require(ifMatch, entity.version);
        I input = MergePatch.apply(mapper, kind.toInput().apply(entity), patch, kind.inputType());
        validate(input);
        return update(entity, unicode(input));
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
        journal.recorded(AuditAction.DELETE, kind, entity);
    }

    /** PUT /{collection}/by-ref/{externalRef}: see {@link ByReferenceUpserts}. */
    @Transactional
    public Upserted<V> upsertByRef(String externalRef, String ifMatch, I input) {
        return byReference.upsert(this, externalRef, ifMatch, unicode(input), this::show);
    }

    /** POST /{collection}/by-ref: see {@link BulkUpserts}. Its transactions are its own, one per chunk of lines. */
    public Response upsertByRefInBulk(String idempotencyKey, InputStream body, HttpServerRequest request) {
        return bulk.respond(this, idempotencyKey, body, request);
    }

    /** GET /{collection}/{id}/history: see {@link RecordHistory}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<V> history(UUID id, PageParams page) {
        return histories.page(kind, live(id, LockModeType.NONE), page);
    }

    /**
     * Writes the input over a record the caller may change. A caller who cannot read some fields (a partner)
     * leaves them as stored: its input was built from a view without them.
     */
    V update(E entity, UnicodeInput<I> typed) {
        return show(updated(entity, typed));
    }

    /** {@link #update}, returning the record unrendered. */
    E updated(E entity, UnicodeInput<I> typed) {
        I input = typed.input();
        Audience audience = callers.audience();
        if (audience.submitsOwnRecords() && entity instanceof ProtectedEntity record
                && !audience.keyId().equals(record.submittedBy)) {
            throw new ForbiddenException("Your role may change only your own submissions");
        }
        I stored = kind.toInput().apply(entity);
        I written = withHiddenFieldsKept(entity, input, stored);
        SubmitterRules.check(audience, written, stored);
        if (SubmitterRules.unverifies(audience, stored)) {
            written = with(written, "verificationStatus", VerificationStatus.REPORTED);
        }
        if (entity instanceof ProtectedEntity record) {
            refuseTakenExternalRef(record.submittedBy, externalRefOf(written), entity.id);
        }
        write(typed.withInput(written), entity);
        entity.touch();
        em.flush();
        journal.recorded(AuditAction.UPDATE, kind, entity);
        return entity;
    }

    /**
     * The input with Zawgyi converted to Unicode. Conversion can lengthen a text (Zawgyi writes some stacked
     * letters as one code point, Unicode as two), so a converted input is held to the field limits again.
     */
    UnicodeInput<I> unicode(I input) {
        UnicodeInput<I> typed = UnicodeInput.of(mapper, input, kind.inputType());
        if (!typed.originals().isEmpty()) {
            validate(typed.input());
            String originals = typed.originals().stored();
            if (originals.length() > ZawgyiOriginals.MAX_STORED) {
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The text typed in Zawgyi is too long to "
                        + "keep beside its conversion: " + originals.length() + " characters as stored, at most "
                        + ZawgyiOriginals.MAX_STORED);
            }
        }
        return typed;
    }

    private void validate(I input) {
        Set<ConstraintViolation<I>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /** Copies the input onto the entity, with what its writers typed in Zawgyi as still stands after this write. */
    private void write(UnicodeInput<I> typed, E entity) {
        if (entity.zawgyiOriginals == null && typed.originals().isEmpty()) {
            // nothing typed in Zawgyi, before or now: the common case costs no trees
            apply(typed.input(), entity);
            return;
        }
        JsonNode before = mapper.valueToTree(kind.toInput().apply(entity));
        apply(typed.input(), entity);
        entity.keepZawgyiStanding(typed.originals(), before, mapper.valueToTree(kind.toInput().apply(entity)));
    }

    /** The input with the fields the caller cannot read of this record taken from what is stored. */
    I withHiddenFieldsKept(E entity, I input, I stored) {
        return gate.identifying(entity) ? input : kind.hidden().keepingHidden(input, stored);
    }

    /**
     * The records with these ids as they are now, for the change feed: each rendered for the caller, or without a
     * view when it is deleted or hidden from the caller. Ids of other kinds are left out. First only their gating
     * facts are read; records whose render for the caller this instance keeps are answered from it, and only the
     * others are read whole (as {@link #show(PageQuery)} does for a list page, record by record). A page that more
     * pages follow is a catch-up through the feed's history ({@code catchingUp}): few of its records have a kept
     * render, so all are read whole at once (the kept renders are still reused) and no new render is kept.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CurrentState<V>> current(Collection<UUID> ids, boolean catchingUp) {
        List<CurrentState<V>> states = new ArrayList<>(ids.size());
        Collection<UUID> unread = ids;
        if (!catchingUp && gate.keepsRenders()) {
            List<StandingFacts> facts = standingFacts(ids);
            Map<UUID, V> kept = gate.showKeptOf(kind.renderer(),
                    facts.stream().filter(f -> !f.deleted()).map(StandingFacts::record).toList());
            unread = new ArrayList<>();
            for (StandingFacts f : facts) {
                V view = kept.get(f.record().id());
                if (f.deleted() || view != null) {
                    states.add(new CurrentState<>(f.record().id(), f.record().version(), f.updatedAt(), view));
                } else {
                    unread.add(f.record().id());
                }
            }
            if (unread.isEmpty()) {
                return states;
            }
        }
        // Hibernate's loader by ids renders its SQL straight from the entity's mapping (on PostgreSQL binding the
        // ids as one array, on H2 as a list), where a query with a list parameter is translated again on every page
        List<E> found = em.unwrap(Session.class).byMultipleIds(kind.entityType()).multiLoad(List.copyOf(unread))
                .stream().filter(Objects::nonNull).toList();
        List<E> live = found.stream().filter(e -> !e.isDeleted()).toList();
        List<V> views = catchingUp ? gate.showScanned(kind.renderer(), live)
                : gate.showCurrent(kind.renderer(), live);
        for (int i = 0; i < live.size(); i++) {
            E entity = live.get(i);
            states.add(new CurrentState<>(entity.id, entity.version, entity.updatedAt, views.get(i)));
        }
        found.stream().filter(VersionedEntity::isDeleted).forEach(entity ->
                states.add(new CurrentState<>(entity.id, entity.version, entity.updatedAt, null)));
        return states;
    }

    /**
     * The gating facts of the records with these ids, in SQL ({@link RowsById}): as HQL, with its list parameter, it
     * was translated afresh for every kind on every feed page. A read of committed rows, with nothing to flush.
     */
    private List<StandingFacts> standingFacts(Collection<UUID> ids) {
        return RowsById.read(em, standingFactsSql, ids, ")", row -> {
            UUID id = row.getObject(1, UUID.class);
            int version = row.getInt(2);
            RecordFacts record = protectedKind
                    ? new RecordFacts(id, version, Confidentiality.valueOf(row.getString(3)),
                            row.getObject(4, UUID.class))
                    : new RecordFacts(id, version, null, null);
            int at = protectedKind ? 5 : 3;
            return new StandingFacts(record, row.getObject(at, OffsetDateTime.class).toInstant(),
                    row.getObject(at + 1, OffsetDateTime.class) != null);
        });
    }

    /** A record's gating facts with what the feed reports of it besides its view. */
    private record StandingFacts(RecordFacts record, Instant updatedAt, boolean deleted) {
    }

    /**
     * The record as stored now, whoever asks (for deciding what a webhook subscriber may still see, outside any
     * request); null when it is absent or deleted. Only its facts may be used: it is rendered by the gate alone.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public GatedRecord standing(UUID id) {
        E entity = em.find(kind.entityType(), id);
        return entity == null || entity.isDeleted() ? null : entity;
    }

    /** One record per submitter and externalRef; the unique index backs this up against concurrent writers. */
    void refuseTakenExternalRef(UUID submitter, String externalRef, UUID self) {
        if (externalRef == null || submitter == null) {
            return;
        }
        E taken = byReference.findOwn(kind, submitter, externalRef);
        if (taken != null && !taken.id.equals(self)) {
            String label = kind.label().toLowerCase();
            throw new ProblemException(ProblemType.CONFLICT, "The submitter already has "
                    + (label.matches("[aeiou].*") ? "an " : "a ") + label + " with externalRef " + externalRef
                    + " (" + taken.id + "); change that one, e.g. with PUT by-ref/" + externalRef);
        }
    }

    static String externalRefOf(Object input) {
        return input instanceof ExternallyReferenced referenced ? referenced.externalRef() : null;
    }

    /** The input with one field set; records are immutable, so by way of its JSON tree. */
    I with(I input, String field, Object value) {
        ObjectNode tree = mapper.valueToTree(input);
        tree.set(field, mapper.valueToTree(value));
        return mapper.convertValue(tree, kind.inputType());
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
        if (entity == null || entity.isDeleted() || !gate.visible(entity)) {
            throw ProblemException.notFound(kind.label());
        }
        return entity;
    }
}
