package org.prisonwatch.caserecord;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.prisonwatch.audit.AuditedEntity;
import org.prisonwatch.gate.Renderer;

/**
 * What the shared record services need to know about one collection: its types, its stored name, how a reader
 * names it, and how its mapper moves fields between the API records and the entity.
 *
 * @param stored the kind's frozen name in the audit log, the history and the change feed
 * @param label the record kind as a reader says it, for messages: "Prison"
 * @param copy copies the editable fields of an input record onto the entity
 * @param toInput the entity's editable fields as its input record: the document a merge patch applies to
 * @param renderer builds the response for a disclosure; only the gate calls it
 * @param hidden the editable fields that a caller without identifying access cannot read back
 */
public record RecordKind<E extends VersionedEntity, I, V>(
        Class<E> entityType,
        Class<I> inputType,
        AuditedEntity stored,
        String label,
        Supplier<E> newEntity,
        BiConsumer<I, E> copy,
        Function<E, I> toInput,
        Renderer<E, V> renderer,
        HiddenFields<I> hidden) {

    public RecordKind(Class<E> entityType, Class<I> inputType, AuditedEntity stored, String label,
            Supplier<E> newEntity, BiConsumer<I, E> copy, Function<E, I> toInput, Renderer<E, V> renderer) {
        this(entityType, inputType, stored, label, newEntity, copy, toInput, renderer, HiddenFields.none());
    }

    /** The stored name, as audit entries, versions and feed rows carry it. */
    public String storedName() {
        return stored.storedName();
    }
}
