package org.prisonwatch.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.prisonwatch.audit.AuditAction;
import org.prisonwatch.audit.AuditLog;
import org.prisonwatch.audit.AuditedEntity;

/**
 * Writes as another instance sharing the database would: what its journal leaves (the audit entry, the row, the
 * feed row), committed together, which this instance hears of only through the change feed.
 */
@ApplicationScoped
public class AnotherInstance {

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** An incident at version 1 made the given confidentiality, as version 2. */
    public void reclassify(String incidentId, String confidentiality) {
        UUID entityId = UUID.fromString(incidentId);
        QuarkusTransaction.requiringNew().run(() -> {
            long seq = audit.record(AuditAction.UPDATE, AuditedEntity.INCIDENT.storedName(), entityId, 2);
            assertEquals(1, em.createNativeQuery("update incident set confidentiality = ?1, version = 2 "
                    + "where id = ?2").setParameter(1, confidentiality).setParameter(2, entityId).executeUpdate());
            assertEquals(1, em.createNativeQuery("update record_change set seq = ?1 where entity_id = ?2")
                    .setParameter(1, seq).setParameter(2, entityId).executeUpdate());
        });
    }

    /** Waits until System.nanoTime() reaches the given value: for bounds measured from a moment. */
    public static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
