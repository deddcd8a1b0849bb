package org.prisonwatch.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incident;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.sourceBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Database;
import org.prisonwatch.support.StallingAuditLog;

/**
 * Reads of identifying data are written as pending rows without the chain's lock, and linked into the chain
 * afterwards (issue 10). The scheduled linker is paused here, so that what links the rows is what each test says.
 */
@QuarkusTest
class PendingReadsTest {

    private static final String LINKER = PendingReadLinker.SCHEDULE;

    @Inject
    Database db;

    @Inject
    PendingReadLinker linker;

    @Inject
    Scheduler scheduler;

    /** An analyst key of this test's own, so the entries it reads are told apart by actor. */
    private record Analyst(String keyId, String key) {

        RequestSpecification call() {
            return anonymous().header("Authorization", "Bearer " + key);
        }
    }

    @BeforeEach
    void pauseTheScheduledLinker() {
        scheduler.pause(LINKER);
        // a scheduled run under way finishes, one triggered before the pause does nothing, and what either left
        // pending is linked now: from here on only the test links
        linker.awaitScheduledRun();
        linker.linkPending();
    }

    @AfterEach
    void resumeTheScheduledLinker() {
        scheduler.resume(LINKER);
    }

    private static Analyst analyst() {
        Response issued = api().body(Map.of("name", unique("pending-reads analyst"), "role", "ANALYST"))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().response();
        Analyst analyst = new Analyst(issued.path("id"), issued.path("key"));
        // its first use records when it was used: done now, not while the chain is held
        analyst.call().get("/api/v1/prisons").then().statusCode(200);
        return analyst;
    }

    private static String casualtyWithPerson(String name) {
        Map<String, Object> body = casualtyBody(incident(null));
        body.put("person", Map.of("name", name));
        return create("casualties", body);
    }

    /**
     * Starts an update of a fresh incident that stops holding the chain's lock, its entry appended and not committed,
     * and proves that the lock is held: a NOWAIT attempt on the head row fails.
     */
    private Held holdTheChain() throws InterruptedException {
        String incident = create("incidents", incidentBody(null, "2025-05-01", null));
        StallingAuditLog.Gate gate = StallingAuditLog.holdChainOn(UUID.fromString(incident));
        CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> api().header("If-Match", "\"1\"")
                .body(incidentBody(null, "2025-05-02", null)).put("/api/v1/incidents/" + incident).statusCode());
        try {
            gate.awaitStalled();
        } catch (InterruptedException | AssertionError e) {
            gate.release();
            throw e;
        }
        assertThrows(IllegalStateException.class,
                () -> db.count("select seq from audit_head where id = 1 for update nowait"),
                "the stalled write holds the chain's head lock");
        return new Held(gate, write);
    }

    private record Held(StallingAuditLog.Gate gate, CompletableFuture<Integer> write) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            gate.release();
            assertEquals(200, write.get(60, TimeUnit.SECONDS), "the held write commits once released");
        }
    }

    private long pending(String entityId, String action, String actor, int version) {
        return db.count("select count(*) from audit_pending_read where entity_id = ? and action = ? and "
                + "actor_key_id = ? and record_version = ? and entity = ?", entityId, action, actor, version,
                action.equals("READ_PERSON") ? "Casualty" : "Source");
    }

    private long pendingBy(String actor) {
        return db.count("select count(*) from audit_pending_read where actor_key_id = ?", actor);
    }

    private long linkedReadsBy(String actor) {
        return db.count("select count(*) from audit_entry where actor_key_id = ? and action like 'READ_%'", actor);
    }

    @Test
    void aReadOfAPersonIsPendingThenLinkedAsOneEntryWithItsActorRecordVersionAndTime() throws Exception {
        Analyst analyst = analyst();
        String casualty = casualtyWithPerson("Pending Ko Ko");
        api().header("If-Match", "\"1\"").body(Map.of("notes", "second version"))
                .contentType("application/merge-patch+json").patch("/api/v1/casualties/" + casualty).then()
                .statusCode(200);
        Instant before;
        Instant after;
        try (Held held = holdTheChain()) {
            before = Instant.now();
            analyst.call().get("/api/v1/casualties/" + casualty).then().statusCode(200)
                    .body("person.name", equalTo("Pending Ko Ko")).body("version", equalTo(2));
            after = Instant.now();
            assertEquals(1, pending(casualty, "READ_PERSON", analyst.keyId(), 2),
                    "the read left its row while the chain was locked");
            assertEquals(0, linkedReadsBy(analyst.keyId()), "and nothing entered the chain");
        }

        linker.linkPending();
        assertEquals(0, pendingBy(analyst.keyId()), "linking leaves nothing pending");
        api().queryParam("actorKeyId", analyst.keyId()).get("/api/v1/audit").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("READ_PERSON"))
                .body("items[0].entity", equalTo("Casualty"))
                .body("items[0].entityId", equalTo(casualty))
                .body("items[0].recordVersion", equalTo(2));
        Instant occurredAt = Instant.parse(api().queryParam("actorKeyId", analyst.keyId()).get("/api/v1/audit")
                .then().extract().path("items[0].occurredAt"));
        assertFalse(occurredAt.isBefore(before.minusMillis(1)) || occurredAt.isAfter(after),
                "the entry keeps the read's time, " + occurredAt + ", between " + before + " and " + after);
        api().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void readsCompleteWhileAWriteHoldsTheChainAndAreLinkedOnceItCommits() throws Exception {
        Analyst analyst = analyst();
        List<String> casualties = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            casualties.add(casualtyWithPerson("Concurrent " + i));
        }
        Map<String, Object> source = sourceBody();
        source.put("contact", "Signal +95 9 000 000");
        String sourceId = create("sources", source);

        try (Held held = holdTheChain()) {
            List<CompletableFuture<Integer>> reads = new ArrayList<>();
            for (String casualty : casualties) {
                reads.add(CompletableFuture.supplyAsync(() -> analyst.call().get("/api/v1/casualties/" + casualty)
                        .then().body("person.name", org.hamcrest.Matchers.startsWith("Concurrent"))
                        .extract().statusCode()));
            }
            reads.add(CompletableFuture.supplyAsync(() -> analyst.call().get("/api/v1/sources/" + sourceId)
                    .then().body("contact", equalTo("Signal +95 9 000 000")).extract().statusCode()));
            for (CompletableFuture<Integer> read : reads) {
                // well inside the database's lock timeout: a read that queued behind the write would not be back
                assertEquals(200, read.get(5, TimeUnit.SECONDS));
            }
            assertFalse(held.write().isDone(), "every read returned while the write still held the chain");
            for (String casualty : casualties) {
                assertEquals(1, pending(casualty, "READ_PERSON", analyst.keyId(), 1));
            }
            assertEquals(1, pending(sourceId, "READ_CONTACT", analyst.keyId(), 1));
            assertEquals(0, linkedReadsBy(analyst.keyId()));
        }

        api().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        assertEquals(0, pendingBy(analyst.keyId()), "verifying linked what was pending first");
        api().queryParam("actorKeyId", analyst.keyId()).queryParam("action", "READ_PERSON").get("/api/v1/audit")
                .then().statusCode(200).body("items", hasSize(4))
                .body("items.entityId", org.hamcrest.Matchers.containsInAnyOrder(casualties.toArray()))
                .body("items.recordVersion", everyItem(equalTo(1)));
        api().queryParam("actorKeyId", analyst.keyId()).queryParam("action", "READ_CONTACT").get("/api/v1/audit")
                .then().body("items.entityId", contains(sourceId));
    }

    @Test
    void pendingReadsAreLinkedInBatchesInTheOrderTheyArrived() throws Exception {
        Analyst analyst = analyst();
        List<String> casualties = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            casualties.add(casualtyWithPerson("Ordered " + i));
        }
        // the creating admin's responses carried the persons too
        linker.linkPending();
        for (String casualty : casualties) {
            analyst.call().get("/api/v1/casualties/" + casualty).then().statusCode(200);
        }
        assertEquals(5, pendingBy(analyst.keyId()));

        assertEquals(5, linker.linkPending(2), "the oldest pending reads are this test's");
        assertEquals(0, pendingBy(analyst.keyId()), "batches continue until everything pending is linked");
        api().queryParam("actorKeyId", analyst.keyId()).get("/api/v1/audit").then().statusCode(200)
                .body("items.entityId", contains(casualties.toArray()));
        api().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
    }

    @Test
    void aPageOfPersonsLeavesOneRowPerRecordShownInThePagesOrderWithItsVersion() {
        Analyst analyst = analyst();
        String incident = incident(null);
        List<String> casualties = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> body = casualtyBody(incident);
            body.put("person", Map.of("name", "On a page " + i));
            casualties.add(create("casualties", body));
        }
        // one of them at a later version, so that each row is seen to carry its own record's
        api().header("If-Match", "\"1\"").body(Map.of("notes", "second version"))
                .contentType("application/merge-patch+json").patch("/api/v1/casualties/" + casualties.get(2))
                .then().statusCode(200);
        linker.linkPending();

        List<String> shown = analyst.call().get("/api/v1/incidents/" + incident + "/casualties").then()
                .statusCode(200).body("items", hasSize(4)).extract().path("items.id");
        List<Integer> versions = analyst.call().get("/api/v1/incidents/" + incident + "/casualties").then()
                .extract().path("items.version");
        assertEquals(8, pendingBy(analyst.keyId()), "one row per person shown, for each of the two pages");
        for (String casualty : casualties) {
            int version = casualty.equals(casualties.get(2)) ? 2 : 1;
            assertEquals(2, pending(casualty, "READ_PERSON", analyst.keyId(), version), casualty);
        }

        linker.linkPending();
        List<String> twice = new ArrayList<>(shown);
        twice.addAll(shown);
        List<Integer> versionsTwice = new ArrayList<>(versions);
        versionsTwice.addAll(versions);
        api().queryParam("actorKeyId", analyst.keyId()).queryParam("limit", 20).get("/api/v1/audit").then()
                .statusCode(200).body("items.entityId", contains(twice.toArray()))
                .body("items.recordVersion", contains(versionsTwice.toArray()))
                .body("items.action", everyItem(equalTo("READ_PERSON")));
        api().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
    }

    @Test
    void aCheckpointAndItsVerificationCoverReadsThatWerePending() {
        Analyst analyst = analyst();
        String casualty = casualtyWithPerson("Checkpointed");
        analyst.call().get("/api/v1/casualties/" + casualty).then().statusCode(200);
        assertEquals(1, pendingBy(analyst.keyId()));

        Map<String, Object> checkpoint = api().get("/api/v1/audit/checkpoint").then().statusCode(200).extract()
                .jsonPath().getMap("");
        assertEquals(0, pendingBy(analyst.keyId()));
        long seq = ((Number) checkpoint.get("seq")).longValue();
        assertEquals(1, db.count("select count(*) from audit_entry where actor_key_id = ? and entity_id = ? "
                + "and action = 'READ_PERSON' and seq <= ?", analyst.keyId(), casualty, seq),
                "the read is in the chain the checkpoint signs");

        analyst.call().get("/api/v1/casualties/" + casualty).then().statusCode(200);
        assertEquals(1, pendingBy(analyst.keyId()));
        api().body(checkpoint).post("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true))
                .body("headSeq", org.hamcrest.Matchers.greaterThan((int) seq));
        assertEquals(0, pendingBy(analyst.keyId()), "verifying against a checkpoint linked what was pending first");
        assertEquals(2, linkedReadsBy(analyst.keyId()));
    }
}
