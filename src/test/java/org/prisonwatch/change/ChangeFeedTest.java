package org.prisonwatch.change;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Api.patch;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Database;
import org.prisonwatch.support.FeedReader;

@QuarkusTest
class ChangeFeedTest {

    @Inject
    Database database;

    private static String publicIncident() {
        Map<String, Object> body = incidentBody(null, "2025-02-01", null);
        body.put("confidentiality", "PUBLIC");
        return create("incidents", body);
    }

    private static List<String> ids(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("id").asText()).toList();
    }

    @Test
    void anUpsertCarriesTheRecordAsTheCallerWouldReadIt() {
        FeedReader reader = FeedReader.atEnd(() -> anonymous());
        String id = publicIncident();

        List<JsonNode> entries = reader.drain(50);

        assertEquals(List.of(id), ids(entries));
        JsonNode entry = entries.get(0);
        assertEquals("INCIDENT", entry.get("entity").asText());
        assertEquals("UPSERT", entry.get("op").asText());
        assertEquals(1, entry.get("version").asInt());
        assertTrue(entry.get("seq").isTextual(), "seq is an opaque position string");
        JsonNode read = FeedReader.parse(anonymous().get("/api/v1/incidents/" + id).asString());
        assertEquals(read, entry.get("record"));
        assertEquals(read.get("updatedAt"), entry.get("changedAt"));
    }

    @Test
    void eachRecordAppearsOnceAtItsLatestChangeWithItsCurrentState() {
        FeedReader reader = FeedReader.atEnd(() -> api());
        String first = publicIncident();
        String second = publicIncident();
        patch("\"1\"").body(Map.of("title", "Edited")).patch("/api/v1/incidents/" + first).then().statusCode(200);

        List<JsonNode> entries = reader.drain(50);

        assertEquals(List.of(second, first), ids(entries));
        assertEquals(2, entries.get(1).get("version").asInt());
        assertEquals("Edited", entries.get(1).get("record").get("title").asText());
        // an entry's seq continues right after it
        assertEquals(List.of(first), ids(new FeedReader(() -> api(), entries.get(0).get("seq").asText()).drain(50)));
    }

    @Test
    void aDeletedRecordComesAsDeleteWithoutItsRecord() {
        String id = publicIncident();
        FeedReader reader = FeedReader.atEnd(() -> anonymous());
        api().header("If-Match", "\"1\"").delete("/api/v1/incidents/" + id).then().statusCode(204);

        List<JsonNode> entries = reader.drain(50);

        assertEquals(List.of(id), ids(entries));
        assertEquals("DELETE", entries.get(0).get("op").asText());
        assertEquals(2, entries.get(0).get("version").asInt());
        assertNull(entries.get(0).get("record"));
    }

    @Test
    void aRecordWithdrawnFromTheCallerComesAsDeleteToThemAndAsUpsertToStaff() {
        String id = publicIncident();
        FeedReader anonymousReader = FeedReader.atEnd(() -> anonymous());
        FeedReader partnerReader = FeedReader.atEnd(() -> as(Role.PARTNER));
        FeedReader analystReader = FeedReader.atEnd(() -> as(Role.ANALYST));

        patch("\"1\"").body(Map.of("confidentiality", "RESTRICTED")).patch("/api/v1/incidents/" + id)
                .then().statusCode(200);
        assertEquals("DELETE", anonymousReader.drain(50).get(0).get("op").asText());
        assertEquals("UPSERT", partnerReader.drain(50).get(0).get("op").asText());

        patch("\"2\"").body(Map.of("confidentiality", "CONFIDENTIAL")).patch("/api/v1/incidents/" + id)
                .then().statusCode(200);
        assertEquals("DELETE", partnerReader.drain(50).get(0).get("op").asText());
        List<JsonNode> staff = analystReader.drain(50);
        assertEquals(List.of(id), ids(staff));
        assertEquals("CONFIDENTIAL", staff.get(0).get("record").get("confidentiality").asText());
    }

    @Test
    void recordsTheCallerNeverCouldSeeAreNeverMentioned() {
        FeedReader anonymousReader = FeedReader.atEnd(() -> anonymous());
        FeedReader partnerReader = FeedReader.atEnd(() -> as(Role.PARTNER));
        Map<String, Object> body = incidentBody(null, "2025-02-01", null);
        body.put("confidentiality", "CONFIDENTIAL");
        String hidden = create("incidents", body);
        patch("\"1\"").body(Map.of("title", "Still hidden")).patch("/api/v1/incidents/" + hidden)
                .then().statusCode(200);
        api().header("If-Match", "\"2\"").delete("/api/v1/incidents/" + hidden).then().statusCode(204);
        String restricted = create("incidents", incidentBody(null, "2025-02-01", null));

        assertEquals(List.of(), anonymousReader.drain(50));
        assertEquals(List.of(restricted), ids(partnerReader.drain(50)));
    }

    @Test
    void aReporterSeesTheirOwnHiddenSubmissionsInTheFeed() {
        FeedReader reporterReader = FeedReader.atEnd(() -> as(Role.REPORTER));
        Map<String, Object> body = incidentBody(null, "2025-02-01", null);
        body.put("confidentiality", "CONFIDENTIAL");
        String own = as(Role.REPORTER).body(body).post("/api/v1/incidents").then().statusCode(201)
                .extract().path("id");
        create("incidents", body);

        assertEquals(List.of(own), ids(reporterReader.drain(50)));
    }

    @Test
    void casualtiesComeWithoutPersonToPartnersAndWithItToAnalysts() {
        String incident = publicIncident();
        FeedReader partnerReader = FeedReader.atEnd(() -> as(Role.PARTNER));
        FeedReader analystReader = FeedReader.atEnd(() -> as(Role.ANALYST));
        Map<String, Object> body = casualtyBody(incident);
        body.put("person", Map.of("name", "Feed Person"));
        String id = create("casualties", body);

        JsonNode partnerSees = partnerReader.drain(50).get(0);
        assertEquals("CASUALTY", partnerSees.get("entity").asText());
        assertFalse(partnerSees.get("record").has("person"));
        JsonNode analystSees = analystReader.drain(50).get(0);
        assertEquals("Feed Person", analystSees.get("record").get("person").get("name").asText());
        // the analyst's read of the person is audited like any other
        api().queryParam("entityId", id).queryParam("action", "READ_PERSON").get("/api/v1/audit")
                .then().statusCode(200).body("items.entityId", hasItem(id));
    }

    @Test
    void theEntityFilterNarrowsTheFeedToTheNamedKinds() {
        FeedReader incidentsOnly = new FeedReader(() -> api().queryParam("entity", "INCIDENT"),
                FeedReader.atEnd(() -> api()).cursor());
        FeedReader both = new FeedReader(() -> api().queryParam("entity", "INCIDENT", "CASUALTY"),
                incidentsOnly.cursor());
        String incident = publicIncident();
        String casualty = create("casualties", casualtyBody(incident));
        create("sources", org.prisonwatch.support.Fixtures.sourceBody());

        assertEquals(List.of(incident), ids(incidentsOnly.drain(50)));
        assertEquals(List.of(incident, casualty), ids(both.drain(50)));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsAndTheCursorStopsAtTheEnd() {
        FeedReader reader = FeedReader.atEnd(() -> api());
        List<String> created = List.of(publicIncident(), publicIncident(), publicIncident(), publicIncident(),
                publicIncident());
        String start = reader.cursor();

        api().queryParam("after", start).queryParam("limit", 2).get("/api/v1/changes").then().statusCode(200)
                .header("Link", containsString("rel=\"next\"")).body("items.size()", equalTo(2));
        List<String> read = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            read.addAll(ids(reader.readPage(2)));
        }
        assertEquals(created, read);
        String end = reader.cursor();
        api().queryParam("after", end).get("/api/v1/changes").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", equalTo(end));
    }

    @Test
    void aRestoreStartsANewEpochAndACursorFromBeforeItIsToldToResyncFromTheStart() {
        FeedReader reader = FeedReader.atEnd(() -> api());
        String first = publicIncident();
        assertEquals(List.of(first), ids(reader.readPage(10)));
        String before = reader.cursor();
        String seqBefore = api().get("/api/v1/changes?limit=1").then().extract().path("items[0].seq");
        // what src/main/scripts/restore does after putting the backup in place
        database.execute("update feed_epoch set epoch = ? where id = 1", "Rx7Tq2Lm");
        try {
            for (String stale : List.of(before, seqBefore)) {
                hostile().queryParam("after", stale).get("/api/v1/changes").then().statusCode(410)
                        .body("type", equalTo("urn:prisonwatch:problem:feed-restarted"))
                        .body("detail", containsString("from the start"));
            }
            // from the start, every cursor carries the new epoch and works as before
            FeedReader again = new FeedReader(() -> api(), null);
            List<JsonNode> all = again.drain(500);
            assertTrue(ids(all).contains(first));
            assertTrue(all.stream().allMatch(entry -> entry.get("seq").asText().startsWith("Rx7Tq2Lm")));
            String second = publicIncident();
            assertEquals(List.of(second), ids(again.readPage(10)));
            // the epoch is not a key: a cursor of this epoch that was altered is still a 400 naming it
            String cursor = again.cursor();
            // a character in the middle: the last one of unpadded base64 may carry only bits the decoder drops
            int middle = cursor.length() / 2;
            String altered = cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A')
                    + cursor.substring(middle + 1);
            hostile().queryParam("after", altered).get("/api/v1/changes").then().statusCode(400)
                    .body("errors[0].field", equalTo("after"));
            // only a cursor this service issued is told to resync: anything else is the usual 400
            for (String garbage : List.of("Rx7Tq2Lm", "not-a-cursor", "Ab12Cd34" + before.substring(3))) {
                hostile().queryParam("after", garbage).get("/api/v1/changes").then().statusCode(400)
                        .body("errors[0].field", equalTo("after"));
            }
            // another analyst's pre-restore cursor is no resync for this caller either
            hostile(Role.ANALYST).queryParam("after", before).get("/api/v1/changes").then().statusCode(400);
        } finally {
            database.execute("update feed_epoch set epoch = '' where id = 1");
        }
        api().queryParam("after", before).get("/api/v1/changes").then().statusCode(200);
    }

    @Test
    void badFeedParametersAreProblemsNamingTheParameter() {
        hostile().queryParam("after", "not-a-cursor").get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        // a list cursor is not a feed cursor
        org.prisonwatch.support.Fixtures.prison("Kachin");
        org.prisonwatch.support.Fixtures.prison("Kachin");
        String listCursor = api().queryParam("limit", 1).get("/api/v1/prisons").then().extract().path("nextCursor");
        hostile().queryParam("after", listCursor).get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        hostile().queryParam("limit", 0).get("/api/v1/changes").then().statusCode(400);
        hostile().queryParam("limit", 501).get("/api/v1/changes").then().statusCode(400);
        hostile().queryParam("entity", "PERSON").get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("entity"));
    }
}
