package org.prisonwatch.caserecord;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.LockMode;
import org.hibernate.engine.spi.SessionFactoryImplementor;
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
        return missing(em, kind, ids, "id", row -> true);
    }

    /** The ids among {@code ids} of no live record of {@code kind} that the audience may see. */
    public static Set<UUID> missingFor(EntityManager em, Class<? extends ProtectedEntity> kind, Collection<UUID> ids,
            Audience audience) {
        return missing(em, kind, ids, "id, confidentiality, submitted_by",
                row -> audience.maySee(Confidentiality.valueOf(row.getString(2)), row.getObject(3, UUID.class)));
    }

    /**
     * The ids of no live row, or of a live row that {@code seen} refuses; {@code columns} start with the id. In SQL
     * ({@link RowsById}), not HQL, whose translation of the list parameter on every check was a tenth of a POST's
     * CPU. It needs no flush first: every write flushes before it is journalled, and no record points to its own
     * kind, so nothing a transaction has still to write is in the table read here (Hibernate's auto-flush before
     * the query found nothing to do either).
     */
    private static Set<UUID> missing(EntityManager em, Class<?> kind, Collection<UUID> ids, String columns,
            RowsById.RowReader<Boolean> seen) {
        Set<UUID> missing = new HashSet<>(ids);
        String lock = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect().getForUpdateString(LockMode.PESSIMISTIC_READ);
        RowsById.read(em, "select " + columns + " from " + kind.getAnnotation(Table.class).name() + " where id in (",
                ids, ") and deleted_at is null order by id" + lock,
                row -> seen.read(row) ? row.getObject(1, UUID.class) : null).forEach(missing::remove);
        return missing;
    }
}
