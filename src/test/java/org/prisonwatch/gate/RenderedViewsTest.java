package org.prisonwatch.gate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.source;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.journal.FeedFollower;
import org.prisonwatch.support.FeedReader;

/**
 * Renders of records' current versions are reused, and reuse never shows a caller anything the record, as stored
 * now, would not show them: not a later version, not another audience's render, not a record since hidden or
 * erased; and every read of identifying data is still audited.
 */
@QuarkusTest
class RenderedViewsTest {

    @Inject
    RenderedViews rendered;

    @Inject
    HeldRecords held;

    @Inject
    SessionFactory sessions;

    @Inject
    Scheduler scheduler;

    @Inject
    FeedFollower follower;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    private static Map<String, Object> fullIncident(String confidentiality) {
        Map<String, Object> body = incidentBody(prison("Kachin"), "2025-02-01", null);
        body.put("confidentiality", confidentiality);
        body.put("latitude", 24.26561);
        body.put("longitude", 97.23432);
        body.put("perpetrators", List.of("Army", "Police"));
        body.put("opposingForces", List.of("KIA"));
        body.put("citations", List.of(Map.of("sourceId", source(), "excerpt", "seen")));
        return body;
    }

    @Test
    void aRecordReadAgainByIdCostsNoStatement() {
        String id = create("incidents", fullIncident("PUBLIC"));
        String path = "/api/v1/incidents/" + id;
        long cold = statements(() -> as(Role.ANALYST).get(path), this::forgetAll);
        String first = as(Role.ANALYST).get(path).then().statusCode(200).extract().asString();
        long warm = statements(() -> as(Role.ANALYST).get(path), () -> { });
        assertEquals(0, warm, "its facts and its render are held (HeldRecords)");
        assertTrue(cold > warm, "cold " + cold + ", warm " + warm);
        as(Role.ANALYST).get(path).then().statusCode(200).header("ETag", "\"1\"").body(equalTo(first))
                .body("perpetrators", equalTo(List.of("Army", "Police")))
                .body("citations[0].excerpt", equalTo("seen"));
    }

    @Test
    void aListPageReadAgainCostsNoStatementAndTheSameBytes() {
        String prisonId = prison("Kept pages");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = fullIncident("PUBLIC");
            body.put("prisonId", prisonId);
            create("incidents", body);
        }
        String path = "/api/v1/incidents?prisonId=" + prisonId + "&limit=2";
        long cold = statements(() -> as(Role.ANALYST).get(path), this::forgetAll);
        long warm = statements(() -> as(Role.ANALYST).get(path), () -> { });
        long factsForgotten = statements(() -> as(Role.ANALYST).get(path), held::clear);
        assertEquals(2, cold, "nothing kept: the rows' gating facts, then the rows whole");
        assertEquals(1, factsForgotten, "every render kept: the rows' gating facts alone");
        assertEquals(0, warm, "every render kept and the rows' gating facts held (HeldRecords)");

        rendered.clear();
        Response fromRows = as(Role.ANALYST).get(path);
        double copied = metrics.counter("prisonwatch.views.json.copied").count();
        Response fromKept = as(Role.ANALYST).get(path);
        assertEquals(copied + 2, metrics.counter("prisonwatch.views.json.copied").count(),
                "both records of the page were written from their kept JSON");
        assertEquals(fromRows.asString(), fromKept.asString());
        assertEquals(fromRows.header("Link"), fromKept.header("Link"));
        String next = fromKept.then().statusCode(200).extract().path("nextCursor");
        as(Role.ANALYST).queryParam("cursor", next).get(path).then().statusCode(200).body("items.size()", equalTo(1))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void aFeedPageReadAgainLoadsNoRecordAndAnswersOnlyTheCurrentVersion() {
        String from = FeedReader.atEnd(() -> as(Role.ANALYST)).cursor();
        String publicFrom = FeedReader.atEnd(() -> anonymous()).cursor();
        String incident = create("incidents", fullIncident("PUBLIC"));
        Map<String, Object> body = casualtyBody(incident);
        body.put("person", Map.of("name", "U Tin", "hometown", "Myitkyina"));
        body.put("confidentiality", "PUBLIC");
        String casualty = create("casualties", body);
        Supplier<Response> page = () -> as(Role.ANALYST).queryParam("after", from).queryParam("limit", 50)
                .get("/api/v1/changes");
        String cases = "items.findAll { it.entity == 'INCIDENT' || it.entity == 'CASUALTY' }";
        String theIncident = "items.find { it.id == '" + incident + "' }";

        long cold = statements(page, this::forgetAll);
        long warm = statements(page, () -> { });
        // a prison, a source, the incident and the casualty: four kinds, each read whole when nothing is kept
        assertTrue(warm <= cold - 4, "kept renders: each kind's gating facts, and none of its rows whole (cold "
                + cold + ", warm " + warm + ")");
        rendered.clear();
        String fromRows = page.get().then().statusCode(200).body(cases + ".id", equalTo(List.of(incident, casualty)))
                .extract().asString();
        long reads = personReads(casualty);
        assertEquals(fromRows, page.get().asString(), "the same bytes from kept renders");
        assertEquals(reads + 1, personReads(casualty), "a person shown from a kept render is audited the same");

        as(Role.ANALYST).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("title", "Changed while kept")).patch("/api/v1/incidents/" + incident)
                .then().statusCode(200);
        Supplier<Response> publicPage = () -> anonymous().queryParam("after", publicFrom).queryParam("limit", 50)
                .get("/api/v1/changes");
        for (int read = 0; read < 2; read++) {
            page.get().then().statusCode(200).body(cases + ".id", equalTo(List.of(casualty, incident)))
                    .body(theIncident + ".version", equalTo(2))
                    .body(theIncident + ".record.title", equalTo("Changed while kept"));
            publicPage.get().then().statusCode(200).body(cases + ".id", equalTo(List.of(casualty, incident)))
                    .body(theIncident + ".op", equalTo("UPSERT"))
                    .body("items.find { it.id == '" + casualty + "' }.record", not(hasKey("person")));
        }
        as(Role.ANALYST).contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                .body(Map.of("confidentiality", "CONFIDENTIAL")).patch("/api/v1/incidents/" + incident)
                .then().statusCode(200);
        for (int read = 0; read < 2; read++) {
            publicPage.get().then().statusCode(200).body(cases + ".id", equalTo(List.of(casualty, incident)))
                    .body(theIncident + ".op", equalTo("DELETE")).body(theIncident, not(hasKey("record")));
        }
    }

    @Test
    void aFeedCatchUpKeepsNoRenderOfItsOwnButReusesKeptOnesAndThePageAtTheEndKeepsItsRenders() {
        String from = FeedReader.atEnd(() -> as(Role.ANALYST)).cursor();
        String older = create("incidents", fullIncident("PUBLIC"));
        String newer = create("incidents", fullIncident("PUBLIC"));
        Supplier<Response> catchUpPage = () -> as(Role.ANALYST).queryParam("after", from).queryParam("limit", 1)
                .get("/api/v1/changes");
        Supplier<Response> toTheEnd = () -> as(Role.ANALYST).queryParam("after", from).queryParam("limit", 50)
                .get("/api/v1/changes");
        forgetAll();

        Response first = catchUpPage.get();
        String firstId = first.then().statusCode(200).body("items.size()", equalTo(1)).extract().path("items[0].id");
        assertFalse(rendered.holds(UUID.fromString(firstId)), "a page that more pages follow keeps no render it made");

        Response whole = toTheEnd.get();
        whole.then().statusCode(200).body("items.id", hasItems(firstId, older, newer));
        assertTrue(Stream.of(firstId, older, newer).map(UUID::fromString).allMatch(rendered::holds),
                "the page that reaches the end keeps its renders: every partner polling there reads it next");
        Map<String, Object> unkept = first.jsonPath().getMap("items[0].record");
        assertEquals(unkept, whole.jsonPath().getMap("items.find { it.id == '" + firstId + "' }.record"),
                "a render made without keeping it is the same render");

        double copied = metrics.counter("prisonwatch.views.json.copied").count();
        catchUpPage.get().then().statusCode(200).body("items[0].id", equalTo(firstId));
        assertEquals(copied + 1, metrics.counter("prisonwatch.views.json.copied").count(),
                "a catch-up page still answers from a render kept before");
    }

    @Test
    void keptJsonIsWhatSerializingWrites() {
        String id = create("incidents", fullIncident("PUBLIC"));
        String page = as(Role.ANALYST).get("/api/v1/incidents?limit=500&sort=-updatedAt").asString();
        as(Role.ANALYST).get("/api/v1/incidents?limit=500&sort=-updatedAt").then().statusCode(200);
        // a record's history is rendered afresh every time (never kept), so serialized field by field
        String history = as(Role.ANALYST).get("/api/v1/incidents/" + id + "/history").then().statusCode(200)
                .extract().asString();
        String version = history.substring("{\"items\":[".length(), history.lastIndexOf("],\"nextCursor\""));
        assertTrue(version.startsWith("{\"id\":\"" + id + "\""), version);
        assertTrue(page.contains(version), "the list carries the record exactly as serializing writes it");
        String byId = as(Role.ANALYST).get("/api/v1/incidents/" + id).asString();
        assertEquals(version, as(Role.ANALYST).get("/api/v1/incidents/" + id).asString());
        assertEquals(version, byId);
    }

    @Test
    void aKeptPageFollowsWritesAndHiding() {
        String prisonId = prison("Kept pages follow");
        Map<String, Object> body = fullIncident("PUBLIC");
        body.put("prisonId", prisonId);
        String changed = create("incidents", body);
        String hidden = create("incidents", body);
        String path = "/api/v1/incidents?prisonId=" + prisonId;
        for (int read = 0; read < 2; read++) {
            anonymous().get(path).then().statusCode(200).body("items.id", equalTo(List.of(changed, hidden)));
        }
        as(Role.ANALYST).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("title", "Changed while kept")).patch("/api/v1/incidents/" + changed)
                .then().statusCode(200);
        as(Role.ANALYST).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("confidentiality", "CONFIDENTIAL")).patch("/api/v1/incidents/" + hidden)
                .then().statusCode(200);
        anonymous().get(path).then().statusCode(200).body("items.id", equalTo(List.of(changed)))
                .body("items[0].version", equalTo(2)).body("items[0].title", equalTo("Changed while kept"));
        as(Role.ANALYST).get(path).then().statusCode(200).body("items.id", equalTo(List.of(changed, hidden)));
    }

    @Test
    void aWriteIsSeenAtOnce() {
        String id = create("incidents", fullIncident("PUBLIC"));
        String path = "/api/v1/incidents/" + id;
        anonymous().get(path).then().statusCode(200);
        anonymous().get(path).then().statusCode(200);
        as(Role.ANALYST).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("title", "Changed title", "perpetrators", List.of("Militia"))).patch(path)
                .then().statusCode(200);
        anonymous().get(path).then().statusCode(200).header("ETag", "\"2\"")
                .body("title", equalTo("Changed title")).body("perpetrators", equalTo(List.of("Militia")));
        anonymous().get("/api/v1/incidents?limit=500&sort=-updatedAt").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.title", equalTo("Changed title"));
        // the search text is never loaded with a record, only written: a change still reaches it
        String word = org.prisonwatch.support.Fixtures.unique("Renamed").replaceAll("[^A-Za-z0-9]", "");
        as(Role.ANALYST).contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                .body(Map.of("title", word)).patch(path).then().statusCode(200);
        anonymous().queryParam("q", word).get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        anonymous().queryParam("q", "Changed title").get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(id)));
    }

    @Test
    void eachAudienceGetsItsOwnRenderWhoeverReadFirst() {
        String exactFirst = create("incidents", fullIncident("PUBLIC"));
        as(Role.ANALYST).get("/api/v1/incidents/" + exactFirst).then().body("latitude", equalTo(24.26561f));
        as(Role.PARTNER).get("/api/v1/incidents/" + exactFirst).then().statusCode(200)
                .body("latitude", equalTo(24.27f)).body("longitude", equalTo(97.23f));
        anonymous().get("/api/v1/incidents/" + exactFirst).then().statusCode(200).body("latitude", equalTo(24.27f));

        String roundedFirst = create("incidents", fullIncident("PUBLIC"));
        anonymous().get("/api/v1/incidents/" + roundedFirst).then().body("latitude", equalTo(24.27f));
        as(Role.PARTNER).get("/api/v1/incidents/" + roundedFirst).then().body("latitude", equalTo(24.27f));
        as(Role.ANALYST).get("/api/v1/incidents/" + roundedFirst).then().statusCode(200)
                .body("latitude", equalTo(24.26561f)).body("longitude", equalTo(97.23432f));
    }

    @Test
    void aRecordHiddenSinceItWasReadIsNotAnsweredFromEarlierRenders() {
        String id = create("incidents", fullIncident("PUBLIC"));
        String path = "/api/v1/incidents/" + id;
        anonymous().get(path).then().statusCode(200);
        anonymous().get(path).then().statusCode(200);
        as(Role.PARTNER).get(path).then().statusCode(200);
        as(Role.ANALYST).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("confidentiality", "CONFIDENTIAL")).patch(path).then().statusCode(200);
        anonymous().get(path).then().statusCode(404);
        as(Role.PARTNER).get(path).then().statusCode(404);
        anonymous().get("/api/v1/incidents?limit=500&sort=-updatedAt").then().statusCode(200)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(id)));
    }

    @Test
    void everyReadOfAPersonIsAuditedAndAnErasureIsSeenAtOnce() {
        Map<String, Object> body = casualtyBody(create("incidents", fullIncident("PUBLIC")));
        body.put("person", Map.of("name", "Daw Hla", "hometown", "Bhamo"));
        body.put("confidentiality", "PUBLIC");
        String id = create("casualties", body);
        String path = "/api/v1/casualties/" + id;
        long before = personReads(id);
        for (int read = 0; read < 3; read++) {
            as(Role.ANALYST).get(path).then().statusCode(200).body("person.name", equalTo("Daw Hla"));
        }
        assertEquals(before + 3, personReads(id), "each read of the person, reused render or not, is audited");
        anonymous().get(path).then().statusCode(200).body("$", not(hasKey("person")));
        String list = "/api/v1/casualties?incidentId=" + body.get("incidentId");
        for (int read = 0; read < 2; read++) {
            as(Role.ANALYST).get(list).then().statusCode(200).body("items[0].person.name", equalTo("Daw Hla"));
        }
        assertEquals(before + 5, personReads(id), "a list answered from kept renders is audited the same");

        assertTrue(rendered.holds(java.util.UUID.fromString(id)));
        api().header("If-Match", "\"1\"").delete(path + "/person").then().statusCode(204);
        assertFalse(rendered.holds(java.util.UUID.fromString(id)), "the erased name is not kept in memory either");
        as(Role.ANALYST).get(path).then().statusCode(200).header("ETag", "\"2\"").body("$", not(hasKey("person")));
        api().get("/api/v1/casualties?incidentId=" + body.get("incidentId")).then().statusCode(200)
                .body("items", everyItem(not(hasKey("person"))));
    }

    @Test
    void rendersMadeInsideAWriteAreNotKept() {
        long before = rendered.count();
        String id = create("incidents", fullIncident("PUBLIC"));
        rendered.clear();
        as(Role.ANALYST).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("title", "Written")).patch("/api/v1/incidents/" + id).then().statusCode(200);
        assertEquals(0, rendered.count(), "a write's render could belong to a version that is rolled back");
        as(Role.ANALYST).get("/api/v1/incidents/" + id).then().statusCode(200);
        assertEquals(1, rendered.count(), "a read outside a transaction is kept (was " + before + " before)");
    }

    private long personReads(String id) {
        return api().queryParam("entityId", id).queryParam("action", "READ_PERSON").queryParam("limit", 500)
                .get("/api/v1/audit").then().statusCode(200).extract().<List<?>>path("items").size();
    }

    /** Forgets every render and every held fact: what a first read finds. */
    private void forgetAll() {
        rendered.clear();
        held.clear();
    }

    /**
     * Statements behind one call after another and then {@code forgetting}, the fewest of three; jobs paused but the
     * change feed's follower, without which nothing is answered from memory (it reads with JDBC, uncounted).
     */
    private long statements(Supplier<Response> call, Runnable forgetting) {
        Statistics statistics = sessions.getStatistics();
        long fewest = Long.MAX_VALUE;
        List<String> paused = scheduler.getScheduledJobs().stream().map(job -> job.getId())
                .filter(job -> !job.equals("read-cache-catch-up")).toList();
        paused.forEach(scheduler::pause);
        follower.catchUp();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                call.get().then().statusCode(200);
                forgetting.run();
                long before = statistics.getPrepareStatementCount();
                call.get().then().statusCode(200);
                fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
            }
        } finally {
            paused.forEach(scheduler::resume);
        }
        return fewest;
    }
}
