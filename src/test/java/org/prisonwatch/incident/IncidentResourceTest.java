package org.prisonwatch.incident;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Api.patch;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incident;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.source;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Database;

@QuarkusTest
class IncidentResourceTest {

    @Inject
    Database db;

    @Test
    void storesCitationsCountsActorsAndDefaults() {
        String prisonId = prison(unique("Kachin"));
        String sourceId = source();
        Map<String, Object> body = incidentBody(prisonId, "2025-01-01", "2025-12-31");
        body.putAll(Map.of(
                "description", "Armed inmates fought alongside soldiers; casualties on both sides",
                "perpetrators", List.of("Myanmar military"),
                "opposingForces", List.of("Kachin Independence Army (KIA)"),
                "peopleAffected", Map.of("min", 40, "best", 50, "max", 60),
                "citations", List.of(Map.of("sourceId", sourceId, "reliability", "B", "credibility", 2,
                        "publishedOn", "2025-06-12", "url", "https://example.org/ppnm",
                        "excerpt", "armed prisoners being used in actual combat"))));

        String id = api().body(body).post("/api/v1/incidents").then().statusCode(201)
                .body("datePrecision", equalTo("RANGE"))
                .body("verificationStatus", equalTo("REPORTED"))
                .body("confidentiality", equalTo("RESTRICTED"))
                .body("peopleAffected.best", equalTo(50))
                .body("citations[0].sourceId", equalTo(sourceId))
                .body("citations[0].credibility", equalTo(2))
                .body("opposingForces", contains("Kachin Independence Army (KIA)"))
                .extract().path("id");

        api().get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("citations", hasSize(1)).body("perpetrators", contains("Myanmar military"));
        assertEquals("[\"Myanmar military\"]", db.string("select perpetrators from incident where id = ?", id));
        // the row's copy is what is read; the citation's row holds its source against deletion
        assertEquals(1, db.count("select count(*) from incident_citation where incident_id = ?", id));
    }

    @Test
    void anExactDateDefaultsOccurredToAndDayPrecision() {
        Map<String, Object> body = incidentBody(null, "2026-01-04", null);
        body.remove("occurredTo");
        body.put("type", "AMNESTY_RELEASE");
        body.put("peopleAffected", Map.of("min", 6140, "best", 6140, "max", 6140));
        api().body(body).post("/api/v1/incidents").then().statusCode(201)
                .body("occurredTo", equalTo("2026-01-04")).body("datePrecision", equalTo("DAY"));
    }

    @Test
    void rejectsInconsistentDatesCountsAndCitations() {
        Map<String, Object> body = incidentBody(null, "2025-05-01", "2025-04-01");
        body.put("peopleAffected", Map.of("min", 60, "best", 50));
        body.put("citations", List.of(Map.of("sourceId", UUID.randomUUID().toString(), "credibility", 7)));
        hostile().body(body).post("/api/v1/incidents").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("citations[0].credibility", "occurredTo",
                        "peopleAffected.min"));

        Map<String, Object> emptyCount = incidentBody(null, "2025-05-01", "2025-05-01");
        emptyCount.put("peopleAffected", Map.of());
        hostile().body(emptyCount).post("/api/v1/incidents").then().statusCode(400)
                .body("errors.field", contains("peopleAffected.best"));

        Map<String, Object> negative = incidentBody(null, "2025-05-01", "2025-05-01");
        negative.put("peopleAffected", Map.of("best", -1));
        hostile().body(negative).post("/api/v1/incidents").then().statusCode(400)
                .body("errors.field", contains("peopleAffected.best"));

        Map<String, Object> tooMany = incidentBody(null, "2025-05-01", "2025-05-01");
        tooMany.put("citations", java.util.Collections.nCopies(51, Map.of("sourceId", UUID.randomUUID().toString())));
        hostile().body(tooMany).post("/api/v1/incidents").then().statusCode(400)
                .body("errors.field", contains("citations"));
    }

    @Test
    void referencesMustPointAtLiveRecords() {
        Map<String, Object> unknownPrison = incidentBody(UUID.randomUUID().toString(), "2025-05-01", "2025-05-01");
        api().body(unknownPrison).post("/api/v1/incidents").then().statusCode(400)
                .body("errors.field", contains("prisonId"));

        Map<String, Object> unknownSource = incidentBody(null, "2025-05-01", "2025-05-01");
        unknownSource.put("citations", List.of(Map.of("sourceId", source()),
                Map.of("sourceId", UUID.randomUUID().toString())));
        api().body(unknownSource).post("/api/v1/incidents").then().statusCode(400)
                .body("errors.field", contains("citations[1].sourceId"));
        assertEquals(0, db.count("select count(*) from incident where title = ?", (String) unknownSource.get("title")));
    }

    @Test
    void dateFilterDistinguishesPossiblyFromCertainlyInRange() {
        String prisonId = prison(unique("Kachin"));
        String march = create("incidents", incidentBody(prisonId, "2025-03-10", "2025-03-10"));
        String spring = create("incidents", incidentBody(prisonId, "2025-02-15", "2025-04-15"));
        create("incidents", incidentBody(prisonId, "2024-01-01", "2024-02-01"));

        api().queryParam("prisonId", prisonId).queryParam("from", "2025-03-01").queryParam("to", "2025-03-31")
                .get("/api/v1/incidents").then().statusCode(200).body("items.id", contains(march, spring));
        api().queryParam("prisonId", prisonId).queryParam("from", "2025-03-01").queryParam("to", "2025-03-31")
                .queryParam("dateMatch", "within").get("/api/v1/incidents").then()
                .body("items.id", contains(march));
    }

    @Test
    void filtersByTypeStateRegionStatusTextAndUpdatedSince() {
        String region = unique("Kachin");
        String prisonId = prison(region);
        Map<String, Object> verified = incidentBody(prisonId, "2025-03-10", "2025-03-10");
        verified.putAll(Map.of("type", "PRISON_ATTACK", "verificationStatus", "VERIFIED",
                "title", "KIA attack on Myitkyina prison " + region));
        String verifiedId = create("incidents", verified);
        String otherId = incident(prisonId);

        api().queryParam("stateRegion", region).get("/api/v1/incidents").then()
                .body("items.id", contains(verifiedId, otherId));
        api().queryParam("stateRegion", region).queryParam("type", "PRISON_ATTACK").get("/api/v1/incidents")
                .then().body("items.id", contains(verifiedId));
        api().queryParam("stateRegion", region).queryParam("verificationStatus", "VERIFIED")
                .get("/api/v1/incidents").then().body("items.id", contains(verifiedId));
        api().queryParam("q", "myitkyina PRISON " + region.toLowerCase()).get("/api/v1/incidents").then()
                .body("items.id", contains(verifiedId));
        api().queryParam("stateRegion", region).queryParam("updatedSince", "2999-01-01T00:00:00Z")
                .get("/api/v1/incidents").then().body("items", hasSize(0));
    }

    @Test
    void updatedSinceTakesAnyOffsetTheWayClientsWriteItAndRefusesATimeWithout() {
        String region = unique("Kachin");
        String id = incident(prison(region));
        Instant now = Instant.now();
        // the same instant in RFC 3339 with Z and with +06:30 (Myanmar)
        for (String since : List.of(now.minusSeconds(3600).toString(),
                now.minusSeconds(3600).atOffset(ZoneOffset.ofHoursMinutes(6, 30)).toString())) {
            api().queryParam("stateRegion", region).queryParam("updatedSince", since).get("/api/v1/incidents")
                    .then().statusCode(200).body("items.id", contains(id));
        }
        // as Python's %z writes it, and so the generated Python client: +0000, which RFC 3339 (the spec) lacks
        String pythonStyle = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx")
                .format(now.minusSeconds(3600).atOffset(ZoneOffset.UTC));
        hostile().queryParam("stateRegion", region).queryParam("updatedSince", pythonStyle).get("/api/v1/incidents")
                .then().statusCode(200).body("items.id", contains(id));
        api().queryParam("stateRegion", region)
                .queryParam("updatedSince", now.plusSeconds(3600).atOffset(ZoneOffset.ofHours(-5)).toString())
                .get("/api/v1/incidents").then().statusCode(200).body("items", hasSize(0));
        // no offset, and years the databases cannot hold (PostgreSQL failed on them with a 500)
        for (String bad : List.of("2026-01-04T09:30:00", "+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z",
                "9999-12-31T23:00:00-05:00")) {
            hostile().queryParam("updatedSince", bad).get("/api/v1/incidents").then().statusCode(400)
                    .body("errors[0].field", equalTo("updatedSince"));
        }
        for (String bad : List.of("+300000-01-01", "-5000-01-01", "0000-01-01")) {
            hostile().queryParam("from", bad).get("/api/v1/incidents").then().statusCode(400)
                    .body("errors[0].field", equalTo("from"));
        }
    }

    @Test
    void deletingAnIncidentWithCasualtiesIs409AndNestedCasualtiesListOnlyItsOwn() {
        String id = incident(prison(unique("Kachin")));
        String casualtyId = create("casualties", casualtyBody(id));
        create("casualties", casualtyBody(incident(null)));

        api().get("/api/v1/incidents/" + id + "/casualties").then().statusCode(200)
                .body("items.id", contains(casualtyId));
        api().header("If-Match", "\"1\"").delete("/api/v1/incidents/" + id).then().statusCode(409)
                .body("referencedBy.id", contains(casualtyId));
        api().get("/api/v1/incidents/" + UUID.randomUUID() + "/casualties").then().statusCode(404);
    }

    @Test
    void patchCanMoveTheDatesAndIsValidatedAsAWhole() {
        String id = create("incidents", incidentBody(null, "2025-03-10", "2025-03-12"));
        hostile().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("occurredFrom", "2025-04-01")).patch("/api/v1/incidents/" + id).then()
                .statusCode(400).body("errors.field", contains("occurredTo"));
        patch("\"1\"").body(Map.of("occurredFrom", "2025-03-01", "datePrecision", "MONTH"))
                .patch("/api/v1/incidents/" + id).then().statusCode(200)
                .body("occurredFrom", equalTo("2025-03-01")).body("occurredTo", equalTo("2025-03-12"));
    }
}
