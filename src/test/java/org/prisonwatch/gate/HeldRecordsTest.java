package org.prisonwatch.gate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.audit.AuditAction;
import org.prisonwatch.audit.AuditLog;
import org.prisonwatch.audit.AuditedEntity;
import org.prisonwatch.support.Database;

/**
 * A GET by id answered from memory is never more out of date than the documented bound: a write through another
 * instance is heard from the change feed, and an instance that cannot follow the feed stops answering from memory.
 * "Another instance" is played here by writing what its journal would (the audit entry, the row, the feed row)
 * straight into the database, which this instance then hears of only as others' writes are heard of.
 */
@QuarkusTest
class HeldRecordsTest {

    private static final String CATCH_UP = "read-cache-catch-up";

    @Inject
    HeldRecords held;

    @Inject
    RenderedViews rendered;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Database db;

    @Inject
    Scheduler scheduler;

    @ConfigProperty(name = "prisonwatch.read-cache.max-staleness")
    Duration maxStaleness;

    private static String publicIncident() {
        Map<String, Object> body = incidentBody(prison("Kachin"), "2025-04-01", null);
        body.put("confidentiality", "PUBLIC");
        return create("incidents", body);
    }

    /** A public incident read anonymously, so that this instance holds it: its path. */
    private String heldIncident() {
        String id = publicIncident();
        String path = "/api/v1/incidents/" + id;
        anonymous().get(path).then().statusCode(200).header("ETag", "\"1\"");
        assertTrue(held.holds(UUID.fromString(id)));
        return path;
    }

    private static String idOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void aRecordReclassifiedThroughAnotherInstanceIsRefusedWithinTheBound() {
        String path = heldIncident();
        anonymous().get(path).then().statusCode(200);

        long committed = System.nanoTime();
        writtenElsewhere(idOf(path), "CONFIDENTIAL");
        sleepUntil(committed + maxStaleness.toNanos() + Duration.ofMillis(100).toNanos());
        anonymous().get(path).then().statusCode(404);
        as(Role.PARTNER).get(path).then().statusCode(404);
        as(Role.ANALYST).get(path).then().statusCode(200).header("ETag", "\"2\"")
                .body("confidentiality", equalTo("CONFIDENTIAL"));
    }

    @Test
    void anInstanceThatCannotFollowTheFeedAnswersNothingFromMemory() {
        String path = heldIncident();
        scheduler.pause(CATCH_UP);
        try {
            sleepUntil(System.nanoTime() + maxStaleness.toNanos() + Duration.ofMillis(100).toNanos());
            // changed with no feed row at all: only a read of the row itself can see it
            assertEquals(1, db.execute("update incident set confidentiality = 'CONFIDENTIAL', version = 2 "
                    + "where id = ?", idOf(path)));
            anonymous().get(path).then().statusCode(404);
            as(Role.ANALYST).get(path).then().statusCode(200).header("ETag", "\"2\"");
        } finally {
            scheduler.resume(CATCH_UP);
        }
    }

    @Test
    void aRecordWrittenHereIsForgottenAsTheWriteCommits() {
        String path = heldIncident();
        scheduler.pause(CATCH_UP);
        try {
            as(Role.ANALYST).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body(Map.of("confidentiality", "CONFIDENTIAL")).patch(path).then().statusCode(200);
            assertFalse(held.holds(UUID.fromString(idOf(path))), "forgotten without waiting for the feed");
            anonymous().get(path).then().statusCode(404);
        } finally {
            scheduler.resume(CATCH_UP);
        }
    }

    @Test
    void aRecordReadBeforeAWriteIsHeardOfIsNotHeldAfterIt() {
        String id = publicIncident();
        long before = held.generation();
        held.forget(List.of(UUID.randomUUID()));
        GatedRecord asRead = new GatedRecord() {
            @Override
            public UUID id() {
                return UUID.fromString(id);
            }

            @Override
            public Integer version() {
                return 1;
            }
        };
        held.hold(null, asRead, before);
        assertFalse(held.holds(UUID.fromString(id)), "read before something was forgotten: may be the stale one");
        held.hold(null, asRead, held.generation());
        assertTrue(held.holds(UUID.fromString(id)));
        held.clear();
        assertFalse(held.holds(UUID.fromString(id)));
    }

    /** What another instance's journal writes for a reclassification, committed in one transaction. */
    private void writtenElsewhere(String id, String confidentiality) {
        UUID entityId = UUID.fromString(id);
        QuarkusTransaction.requiringNew().run(() -> {
            long seq = audit.record(AuditAction.UPDATE, AuditedEntity.INCIDENT.storedName(), entityId, 2);
            assertEquals(1, em.createNativeQuery("update incident set confidentiality = ?1, version = 2 "
                    + "where id = ?2").setParameter(1, confidentiality).setParameter(2, entityId).executeUpdate());
            assertEquals(1, em.createNativeQuery("update record_change set seq = ?1 where entity_id = ?2")
                    .setParameter(1, seq).setParameter(2, entityId).executeUpdate());
        });
    }

    private static void sleepUntil(long nanoTime) {
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
