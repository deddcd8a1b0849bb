package org.prisonwatch.gate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.AnotherInstance.sleepUntil;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
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
import org.prisonwatch.journal.FeedFollower;
import org.prisonwatch.support.AnotherInstance;
import org.prisonwatch.support.Database;

/**
 * A GET by id answered from memory is never more out of date than the documented bound: a write through another
 * instance is heard from the change feed, and an instance that cannot follow the feed stops answering from memory.
 * "Another instance" is played here by writing what its journal would (the audit entry, the row, the feed row)
 * straight into the database, which this instance then hears of only as others' writes are heard of. A row changed
 * by hand, which the feed never hears of, is read again within its max age; a feed that went back, or began a new
 * epoch, leaves nothing held.
 */
@QuarkusTest
class HeldRecordsTest {

    private static final String CATCH_UP = "read-cache-catch-up";

    @Inject
    HeldRecords held;

    @Inject
    RenderedViews rendered;

    @Inject
    EntityManager em;

    @Inject
    Database db;

    @Inject
    AnotherInstance elsewhere;

    @Inject
    Scheduler scheduler;

    @ConfigProperty(name = "prisonwatch.read-cache.max-staleness")
    Duration maxStaleness;

    @ConfigProperty(name = "prisonwatch.read-cache.max-age")
    Duration maxAge;

    @Inject
    RecordGate gate;

    @Inject
    FeedFollower follower;

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
        elsewhere.reclassify(idOf(path), "CONFIDENTIAL");
        sleepUntil(committed + maxStaleness.toNanos() + Duration.ofMillis(100).toNanos());
        anonymous().get(path).then().statusCode(404);
        as(Role.PARTNER).get(path).then().statusCode(404);
        assertFalse(rendered.holds(UUID.fromString(idOf(path))), "its renders are dropped with its facts");
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
            follower.catchUp();
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
    void aRecordLoadedWhileAWriteIsForgottenIsNotHeld() {
        UUID id = UUID.randomUUID();
        Renderer<GatedRecord, String> renderer = (record, disclosure) -> "version " + record.version();
        GatedRecord asRead = new GatedRecord() {
            @Override
            public UUID id() {
                return id;
            }

            @Override
            public Integer version() {
                return 1;
            }
        };
        follower.catchUp();
        inRequest(() -> {
            // a write heard of while the record loads: what was loaded may be the version before it
            assertEquals("version 1", gate.showOne(renderer, id, () -> {
                held.forget(List.of(id));
                return asRead;
            }));
            assertFalse(held.holds(id));
            gate.showOne(renderer, id, () -> asRead);
            assertTrue(held.holds(id));
            assertEquals("version 1", gate.showOne(renderer, id, () -> {
                throw new AssertionError("held, so answered from memory");
            }));
        });
    }

    @Test
    void aRowChangedOutsideTheServiceIsReadAgainWithinItsMaxAge() {
        String path = heldIncident();
        long changed = System.nanoTime();
        assertEquals(1, db.execute("update incident set confidentiality = 'CONFIDENTIAL', version = 2 where id = ?",
                idOf(path)));
        sleepUntil(changed + maxAge.toNanos() + Duration.ofMillis(100).toNanos());
        anonymous().get(path).then().statusCode(404);
    }

    @Test
    void aFeedThatWentBackOrBeganAnewForgetsEverythingHeld() {
        String path = heldIncident();
        follower.movePositionTo(Long.MAX_VALUE - 1);
        follower.catchUp();
        assertFalse(held.holds(UUID.fromString(idOf(path))), "what was written since is unknown");
        anonymous().get(path).then().statusCode(200);
        assertTrue(held.holds(UUID.fromString(idOf(path))), "following again from the feed's end");

        String epoch = (String) QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select epoch from feed_epoch where id = 1").getSingleResult());
        try {
            assertEquals(1, db.execute("update feed_epoch set epoch = 'heldtest' where id = 1"));
            follower.catchUp();
            assertFalse(held.holds(UUID.fromString(idOf(path))), "a restore began a new epoch");
        } finally {
            db.execute("update feed_epoch set epoch = ? where id = 1", epoch);
            follower.catchUp();
        }
    }

    private static void inRequest(Runnable work) {
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate();
        }
        try {
            work.run();
        } finally {
            if (activated) {
                requests.terminate();
            }
        }
    }
}
