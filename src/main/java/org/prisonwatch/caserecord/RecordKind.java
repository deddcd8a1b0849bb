package org.prisonwatch.caserecord;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.prisonwatch.security.Audience;

/**
 * What {@link RecordService} needs to know about one collection: its types, how a reader names it, and how its
 * mapper moves fields between the API records and the entity.
 *
 * @param label the record kind as a reader says it, for messages: "Prison"
 * @param copy copies the editable fields of an input record onto the entity
 * @param toInput the entity's editable fields as its input record: the document a merge patch applies to
 * @param toView the entity as the given audience may see it
 */
public record RecordKind<E, I, V>(
        Class<E> entityType,
        Class<I> inputType,
        String label,
        Supplier<E> newEntity,
        BiConsumer<I, E> copy,
        Function<E, I> toInput,
        BiFunction<E, Audience, V> toView) {
}
