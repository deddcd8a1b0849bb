package org.prisonwatch.gate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentOn;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.AnotherInstance.sleepUntil;
import static org.prisonwatch.support.Fixtures.unique;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.api.HeldRows;
import org.prisonwatch.journal.FeedFollower;
import org.prisonwatch.support.AnotherInstance;
import org.prisonwatch.support.Database;
import org.prisonwatch.support.Keys;

/**
 * A list page read again is answered from the gating facts this instance holds, and never shows a caller what the
 * database, read now, would not: a write here is seen by the next page at once, a write through another instance
 * within the read cache's max staleness, a row changed by hand within its max age; each caller's page is read under
 * that caller's own restrictions and cursor, and identifying reads are audited however the page was answered.
 * "Another instance" is played by writing what its journal would (audit entry, row, feed row) straight into the
 * database.
 */
@QuarkusTest
class HeldPagesTest {

    private static final String CATCH_UP = "read-cache-catch-up";

    @Inject
    MeterRegistry metrics;

    @Inject
    HeldRecords held;

    @Inject
    Scheduler scheduler;

    @Inject
    FeedFollower follower;

    @Inject
    AnotherInstance elsewhere;

    @Inject
    Database db;

    @ConfigProperty(name = "prisonwatch.read-cache.max-staleness")
    Duration maxStaleness;

    @ConfigProperty(name = "prisonwatch.read-cache.max-age")
    Duration maxAge;

    /** Pages answered from memory and from the database by this instance so far. */
    private record Answered(double memory, double database) {
    }

    private Answered answered() {
        return new Answered(metrics.counter("prisonwatch.reads.pages", "answered", "memory").count(),
                metrics.counter("prisonwatch.reads.pages", "answered", "database").count());
    }

    /** The counts a call moved: how its page's facts were answered. */
    private Answered during(Runnable call) {
        Answered before = answered();
        call.run();
        Answered after = answered();
        return new Answered(after.memory() - before.memory(), after.database() - before.database());
    }

    private static String incidentsAt(String prisonId) {
        return "/api/v1/incidents?prisonId=" + prisonId;
    }

    @Test
    void aPageReadAgainIsAnsweredFromMemoryAndAWriteHereIsSeenAtOnce() {
        String prisonId = prison(unique("Held pages"));
        String first = incidentOn(prisonId, "2025-05-01", "PUBLIC");
        String second = incidentOn(prisonId, "2025-05-02", "PUBLIC");
        String path = incidentsAt(prisonId);
        follower.catchUp();
        anonymous().get(path).then().statusCode(200).body("items.size()", equalTo(2));
        String asRead = anonymous().get(path).then().statusCode(200).extract().asString();
        assertEquals(new Answered(1, 0), during(() -> anonymous().get(path).then().statusCode(200)
                .body(equalTo(asRead))), "read again: no query, the same bytes");

        String third = incidentOn(prisonId, "2025-05-03", "PUBLIC");
        assertEquals(new Answered(0, 1), during(() -> anonymous().get(path).then().statusCode(200)
                .body("items.size()", equalTo(3)).body("items.id", hasItem(third))), "a new record joins at once");

        api().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("confidentiality", "CONFIDENTIAL")).patch("/api/v1/incidents/" + first)
                .then().statusCode(200);
        anonymous().get(path).then().statusCode(200).body("items.id", not(hasItem(first)))
                .body("items.size()", equalTo(2));
        api().header("If-Match", "\"1\"").delete("/api/v1/incidents/" + second).then().statusCode(204);
        anonymous().get(path).then().statusCode(200).body("items.id", equalTo(List.of(third)));
    }

    @Test
    void eachCursorAndPageSizeOfOneListIsHeldApart() {
        String prisonId = prison(unique("Held positions"));
        String a = incidentOn(prisonId, "2025-01-01", "PUBLIC");
        String b = incidentOn(prisonId, "2025-01-02", "PUBLIC");
        String c = incidentOn(prisonId, "2025-01-03", "PUBLIC");
        String path = incidentsAt(prisonId) + "&sort=occurredFrom";
        follower.catchUp();
        String first = anonymous().get(path + "&limit=1").then().statusCode(200).extract().path("nextCursor");
        String second = anonymous().queryParam("cursor", first).get(path + "&limit=1").then().statusCode(200)
                .extract().path("nextCursor");
        Answered answered = during(() -> {
            for (int read = 0; read < 3; read++) {
                anonymous().queryParam("cursor", first).get(path + "&limit=1").then().statusCode(200)
                        .body("items.id", equalTo(List.of(b)));
                anonymous().queryParam("cursor", second).get(path + "&limit=1").then().statusCode(200)
                        .body("items.id", equalTo(List.of(c)));
                anonymous().get(path + "&limit=1").then().statusCode(200).body("items.id", equalTo(List.of(a)));
                anonymous().get(path + "&limit=2").then().statusCode(200).body("items.id", equalTo(List.of(a, b)));
            }
        });
        assertEquals(new Answered(10, 2), answered, "each position and size read once (limit=2 new), then held");
    }

    @Test
    void aHeldPageWeighsItsStatementAsWellAsItsRows() {
        HeldRows.Statement empty = new HeldRows.Statement("select e.id from Incident e", Map.of(), 51);
        HeldRows.Statement longSearch = new HeldRows.Statement("select e.id from Incident e where e.searchText like :q",
                Map.of("q", "%" + "မြစ်ကြီးနား".repeat(20) + "%"), 51);
        assertEquals(2, HeldRecords.weightOf(empty));
        assertTrue(HeldRecords.weightOf(longSearch) >= 7, "a long search text weighs what it holds: "
                + HeldRecords.weightOf(longSearch));
    }

    @Test
    void rowsReadWhileAWriteIsForgottenAreNotHeld() {
        HeldRows.Statement statement = new HeldRows.Statement("select e.id from Incident e where e.id = :id",
                Map.of("id", UUID.randomUUID()), 2);
        List<Object[]> asRead = List.<Object[]>of(new Object[] {"version 1"});
        follower.catchUp();
        // a write heard of while the rows are read: what was read may be from before it
        assertEquals(asRead, held.rows(statement, () -> {
            held.forget(List.of(UUID.randomUUID()));
            return asRead;
        }));
        List<Object[]> again = List.<Object[]>of(new Object[] {"version 2"});
        assertEquals(again, held.rows(statement, () -> again), "read again, not answered from memory");
        assertEquals(again, held.rows(statement, () -> {
            throw new AssertionError("held, so answered from memory");
        }));
    }

    @Test
    void aWriteThroughAnotherInstanceIsSeenWithinTheMaxStaleness() {
        String prisonId = prison(unique("Held elsewhere"));
        String hidden = incidentOn(prisonId, "2025-06-01", "PUBLIC");
        incidentOn(prisonId, "2025-06-02", "PUBLIC");
        String path = incidentsAt(prisonId);
        follower.catchUp();
        anonymous().get(path).then().statusCode(200).body("items.id", hasItem(hidden));
        assertEquals(new Answered(1, 0), during(() -> anonymous().get(path).then().statusCode(200)));

        long committed = System.nanoTime();
        elsewhere.reclassify(hidden, "CONFIDENTIAL");
        sleepUntil(committed + maxStaleness.toNanos() + Duration.ofMillis(100).toNanos());
        anonymous().get(path).then().statusCode(200).body("items.id", not(hasItem(hidden)))
                .body("items.size()", equalTo(1));
    }

    @Test
    void anInstanceThatCannotFollowTheFeedReadsEveryPage() {
        String hidden = incidentOn(prison(unique("Held unfollowed")), "2025-07-01", "PUBLIC");
        String path = heldPageOf(hidden);
        scheduler.pause(CATCH_UP);
        try {
            sleepUntil(System.nanoTime() + maxStaleness.toNanos() + Duration.ofMillis(100).toNanos());
            // changed with no feed row at all: only a read of the rows themselves can see it
            hiddenByHand(hidden);
            assertEquals(new Answered(0, 1), during(() -> anonymous().get(path).then().statusCode(200)
                    .body("items.size()", equalTo(0))));
        } finally {
            scheduler.resume(CATCH_UP);
            follower.catchUp();
        }
    }

    @Test
    void aRowChangedOutsideTheServiceIsReadAgainWithinItsMaxAge() {
        String hidden = incidentOn(prison(unique("Held by hand")), "2025-08-01", "PUBLIC");
        String path = heldPageOf(hidden);
        long changed = System.nanoTime();
        hiddenByHand(hidden);
        sleepUntil(changed + maxAge.toNanos() + Duration.ofMillis(100).toNanos());
        anonymous().get(path).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void eachCallerIsAnsweredUnderTheirOwnRestrictionsWhoeverReadFirst() {
        String prisonId = prison(unique("Held audiences"));
        String open = incidentOn(prisonId, "2025-09-01", "PUBLIC");
        String restricted = incidentOn(prisonId, "2025-09-02", "RESTRICTED");
        String confidential = incidentOn(prisonId, "2025-09-03", "CONFIDENTIAL");
        String reporter = Keys.another(Role.REPORTER);
        String own = given().header("Authorization", "Bearer " + reporter).contentType(ContentType.JSON)
                .body(Map.of("type", "COMBAT_CASUALTIES", "title", unique("Own"), "occurredFrom", "2025-09-04",
                        "prisonId", prisonId, "confidentiality", "CONFIDENTIAL"))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        String path = incidentsAt(prisonId);
        follower.catchUp();
        for (int read = 0; read < 2; read++) {
            as(Role.ANALYST).get(path).then().statusCode(200)
                    .body("items.id", equalTo(List.of(open, restricted, confidential, own)));
        }
        for (int read = 0; read < 2; read++) {
            anonymous().get(path).then().statusCode(200).body("items.id", equalTo(List.of(open)));
            as(Role.PARTNER).get(path).then().statusCode(200).body("items.id", equalTo(List.of(open, restricted)));
            as(Role.REPORTER).get(path).then().statusCode(200).body("items.id", equalTo(List.of(open)));
            given().header("Authorization", "Bearer " + reporter).get(path).then().statusCode(200)
                    .body("items.id", equalTo(List.of(open, own)));
        }
    }

    @Test
    void aCursorIsOpenedForItsCallerEvenWhenItsPageIsHeld() {
        String prisonId = prison(unique("Held cursors"));
        incidentOn(prisonId, "2025-10-01", "PUBLIC");
        String last = incidentOn(prisonId, "2025-10-02", "PUBLIC");
        String path = incidentsAt(prisonId) + "&sort=occurredFrom&limit=1";
        String partner = Keys.another(Role.PARTNER);
        Supplier<RequestSpecification> asPartner = () -> given().header("Authorization", "Bearer " + partner);
        String cursor = asPartner.get().get(path).then().statusCode(200).extract().path("nextCursor");
        follower.catchUp();
        for (int read = 0; read < 2; read++) {
            asPartner.get().queryParam("cursor", cursor).get(path).then().statusCode(200)
                    .body("items.id", equalTo(List.of(last)));
        }
        assertEquals(new Answered(1, 0), during(() -> asPartner.get().queryParam("cursor", cursor).get(path)
                .then().statusCode(200)));
        as(Role.PARTNER).queryParam("cursor", cursor).get(path).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        anonymous().queryParam("cursor", cursor).get(path).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void everyIdentifyingReadOfAHeldPageIsAudited() {
        String incidentId = incidentOn(prison(unique("Held people")), "2025-11-01", "PUBLIC");
        Map<String, Object> body = casualtyBody(incidentId);
        body.put("person", Map.of("name", "U Tun", "hometown", "Myitkyina"));
        body.put("confidentiality", "PUBLIC");
        String id = create("casualties", body);
        String path = "/api/v1/casualties?incidentId=" + incidentId;
        follower.catchUp();
        as(Role.ANALYST).get(path).then().statusCode(200).body("items[0].person.name", equalTo("U Tun"));
        long before = personReads(id);
        assertEquals(new Answered(2, 0), during(() -> {
            for (int read = 0; read < 2; read++) {
                as(Role.ANALYST).get(path).then().statusCode(200).body("items[0].person.name", equalTo("U Tun"));
            }
        }));
        assertEquals(before + 2, personReads(id), "each page answered from memory is audited as any other");
    }

    /** The anonymous list of the incident's prison, read once so that this instance holds it: its path. */
    private String heldPageOf(String publicIncident) {
        String path = incidentsAt(anonymous().get("/api/v1/incidents/" + publicIncident).then().statusCode(200)
                .extract().path("prisonId"));
        follower.catchUp();
        anonymous().get(path).then().statusCode(200).body("items.id", equalTo(List.of(publicIncident)));
        return path;
    }

    /** The incident made CONFIDENTIAL in SQL alone, as a hand would: no audit entry, no feed row. */
    private void hiddenByHand(String incident) {
        assertEquals(1, db.execute("update incident set confidentiality = 'CONFIDENTIAL', version = 2 where id = ?",
                incident));
    }

    private long personReads(String id) {
        return api().queryParam("entityId", id).queryParam("action", "READ_PERSON").queryParam("limit", 500)
                .get("/api/v1/audit").then().statusCode(200).extract().<List<?>>path("items").size();
    }
}
