package org.prisonwatch.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.prisonwatch.access.Callers;
import org.prisonwatch.api.IfMatch;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemType;
import org.prisonwatch.api.Upserted;
import org.prisonwatch.burmese.UnicodeInput;
import org.prisonwatch.caserecord.ExternalRef;
import org.prisonwatch.caserecord.ExternallyReferenced;
import org.prisonwatch.caserecord.RecordKind;
import org.prisonwatch.caserecord.VersionedEntity;

/**
 * PUT /{collection}/by-ref/{externalRef}: creates the caller's record with this reference, or replaces it.
 * If-Match is optional on create (and fails if given, since there is nothing to match) and required to change an
 * existing record; a repeat of the stored state needs none and succeeds whatever If-Match it carries, so a retried
 * create or change that was already applied simply succeeds.
 *
 * <p>Whether a PUT changes the record is judged on the fields the caller can read. A field it cannot read (a
 * casualty's person, for a partner) is left as stored unless the caller sends a value, and sending one always
 * needs If-Match: so no answer depends on a hidden value, and a replace built from a redacted view erases nothing.
 */
@ApplicationScoped
public class ByReferenceUpserts {

    private static final Pattern EXTERNAL_REF = Pattern.compile(ExternalRef.CHARACTERS);

    @Inject
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    ObjectMapper mapper;

    @Transactional(Transactional.TxType.MANDATORY)
    <E extends VersionedEntity, I, V, R> Upserted<R> upsert(RecordService<E, I, V> service, String externalRef,
            String ifMatch, UnicodeInput<I> typed, Function<E, R> answer) {
        RecordKind<E, I, V> kind = service.kind();
        I input = typed.input();
        if (!wellFormed(externalRef)) {
            throw ProblemException.invalidParameter(RecordService.EXTERNAL_REF_FIELD, ExternalRef.MESSAGE);
        }
        String bodyRef = RecordService.externalRefOf(input);
        if (bodyRef != null && !bodyRef.equals(externalRef)) {
            throw ProblemException.invalidField(RecordService.EXTERNAL_REF_FIELD, "must be left out or equal the "
                    + "externalRef in the path");
        }
        I referenced = bodyRef == null ? service.with(input, RecordService.EXTERNAL_REF_FIELD, externalRef) : input;
        E existing = findOwn(kind, callers.audience().keyId(), externalRef);
        if (existing == null) {
            if (!IfMatch.isAbsent(ifMatch)) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match was given, but you have no "
                        + kind.label().toLowerCase() + " with externalRef " + externalRef + " to match");
            }
            return new Upserted<>(true, true, answer.apply(service.created(typed.withInput(referenced))));
        }
        if (existing.isDeleted()) {
            throw new ProblemException(ProblemType.CONFLICT, "Your " + kind.label().toLowerCase() + " with "
                    + "externalRef " + externalRef + " was deleted by an administrator; a deleted reference is not "
                    + "reused, so send the record under a new externalRef");
        }
        // a record written before Zawgyi was converted holds it as typed: the same text sent again is no change
        I stored = UnicodeInput.of(mapper, kind.toInput().apply(existing), kind.inputType()).input();
        boolean setsHidden = !service.gate.identifying(existing) && kind.hidden().setsHidden(referenced);
        I merged = service.withHiddenFieldsKept(existing, referenced, stored);
        // the stored state sent again is no change, whatever If-Match says: a retry after the first attempt was
        // applied (RFC 9110, 13.1.1), unless it sets a field the caller cannot read back to compare
        if (!setsHidden && normalized(kind, merged).equals(stored)) {
            return new Upserted<>(false, false, answer.apply(existing));
        }
        IfMatch.require(ifMatch, existing.version);
        return new Upserted<>(false, true, answer.apply(service.updated(existing, typed.withInput(merged))));
    }

    /** Whether the reference is one a record may carry (ExternalRef's rule), as a by-ref path or a bulk line. */
    static boolean wellFormed(String externalRef) {
        return externalRef != null && externalRef.length() <= ExternalRef.MAX_LENGTH
                && EXTERNAL_REF.matcher(externalRef).matches();
    }

    <E extends VersionedEntity> E findOwn(RecordKind<E, ?, ?> kind, UUID submitter, String externalRef) {
        if (!ExternallyReferenced.class.isAssignableFrom(kind.inputType()) || submitter == null) {
            throw new IllegalStateException(kind.label() + " records are not addressed by reference");
        }
        return em.createQuery("select e from " + kind.entityType().getSimpleName() + " e where e.submittedBy = "
                        + ":submitter and e.externalRef = :ref", kind.entityType())
                .setParameter("submitter", submitter).setParameter("ref", externalRef)
                .getResultStream().findFirst().orElse(null);
    }

    /** The input as it would be stored: copied onto a scratch entity and read back. */
    private static <E extends VersionedEntity, I> I normalized(RecordKind<E, I, ?> kind, I input) {
        E scratch = kind.newEntity().get();
        kind.copy().accept(input, scratch);
        return kind.toInput().apply(scratch);
    }
}
