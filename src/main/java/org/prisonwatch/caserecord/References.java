package org.prisonwatch.caserecord;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.prisonwatch.access.Audience;
import org.prisonwatch.access.Confidentiality;

/**
 * The records a write points to (a prison, an incident, cited sources), checked in one narrow query per kind and
 * share-locked until commit, so that a concurrent delete waits for the write and then sees the new reference.
 * Rows are locked in id order, so two writers never deadlock. No record is loaded whole: a write needs to know only
 * that each one is live and that the writer may see it.
 */
public final class References {

    private References() {
    }

    /** The ids among {@code ids} of no live record of {@code kind}; reference data, which everyone may see. */
    public static Set<UUID> missing(EntityManager em, Class<? extends VersionedEntity> kind, Collection<UUID> ids) {
        return missing(em, kind, ids, "e.id", row -> true);
    }

    /** The ids among {@code ids} of no live record of {@code kind} that the audience may see. */
    public static Set<UUID> missingFor(EntityManager em, Class<? extends ProtectedEntity> kind, Collection<UUID> ids,
            Audience audience) {
        return missing(em, kind, ids, "e.id, e.confidentiality, e.submittedBy",
                row -> audience.maySee(row.get(1, Confidentiality.class), row.get(2, UUID.class)));
    }

    /** The ids of no live row, or of a live row that {@code seen} refuses; {@code attributes} start with the id. */
    private static Set<UUID> missing(EntityManager em, Class<?> kind, Collection<UUID> ids, String attributes,
            Predicate<Tuple> seen) {
        Set<UUID> missing = new HashSet<>(ids);
        if (!ids.isEmpty()) {
            for (Tuple row : em.createQuery("select " + attributes + " from " + kind.getSimpleName()
                    + " e where e.id in :ids and e.deletedAt is null order by e.id", Tuple.class)
                    .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_READ).getResultList()) {
                if (seen.test(row)) {
                    missing.remove(row.get(0, UUID.class));
                }
            }
        }
        return missing;
    }
}
