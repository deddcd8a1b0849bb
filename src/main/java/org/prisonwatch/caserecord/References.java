package org.prisonwatch.caserecord;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
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
        Set<UUID> missing = new HashSet<>(ids);
        if (!ids.isEmpty()) {
            em.createQuery("select e.id from " + kind.getSimpleName() + " e where e.id in :ids and e.deletedAt is null "
                    + "order by e.id", UUID.class).setParameter("ids", ids)
                    .setLockMode(LockModeType.PESSIMISTIC_READ).getResultList().forEach(missing::remove);
        }
        return missing;
    }

    /** The ids among {@code ids} of no live record of {@code kind} that the audience may see. */
    public static Set<UUID> missingFor(EntityManager em, Class<? extends ProtectedEntity> kind, Collection<UUID> ids,
            Audience audience) {
        Set<UUID> missing = new HashSet<>(ids);
        if (!ids.isEmpty()) {
            for (Object[] row : em.createQuery("select e.id, e.confidentiality, e.submittedBy from "
                    + kind.getSimpleName() + " e where e.id in :ids and e.deletedAt is null order by e.id",
                    Object[].class).setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_READ)
                    .getResultList()) {
                if (audience.maySee((Confidentiality) row[1], (UUID) row[2])) {
                    missing.remove((UUID) row[0]);
                }
            }
        }
        return missing;
    }
}
