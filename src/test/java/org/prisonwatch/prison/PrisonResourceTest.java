package org.prisonwatch.prison;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.patch;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.prisonBody;
import static org.prisonwatch.support.Fixtures.reportBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Database;

@QuarkusTest
class PrisonResourceTest {

    @Inject
    Database db;

    @Test
    void createStoresEveryFieldAndAnswersWithLocationAndEtag() {
        String region = unique("Kachin");
        Map<String, Object> body = prisonBody(region);
        body.putAll(Map.of("nameMy", "ဗန်းမော်အကျဉ်းထောင်", "alternateNames", List.of("Bhamo Prison", "Banmaw Jail"),
                "township", "Bhamo", "pcode", "MMR001010", "latitude", 24.2656, "longitude", 97.2343,
                "controlledBy", "CONTESTED", "status", "OPERATING", "inConflictZone", true));
        body.put("estimatedPopulation", 1200);
        body.put("notes", "Long-term criminal inmates reported armed");

        String location = api().body(body).post("/api/v1/prisons").then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .header("Cache-Control", "no-store")
                .header("Location", notNullValue())
                .body("version", equalTo(1))
                .body("createdAt", notNullValue())
                .body("nameMy", equalTo("ဗန်းမော်အကျဉ်းထောင်"))
                .body("alternateNames", contains("Bhamo Prison", "Banmaw Jail"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        api().get(location).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("stateRegion", equalTo(region))
                .body("nameMy", equalTo("ဗန်းမော်အကျဉ်းထောင်"))
                .body("pcode", equalTo("MMR001010"))
                .body("latitude", equalTo(24.2656f))
                .body("controlledBy", equalTo("CONTESTED"))
                .body("inConflictZone", equalTo(true))
                .body("estimatedPopulation", equalTo(1200));
        assertEquals(1, db.count("select count(*) from prison where id = ? and version = 1", id));
        // one row holds the record, its list included (V19)
        assertEquals("[\"Bhamo Prison\",\"Banmaw Jail\"]",
                db.string("select alternate_names from prison where id = ?", id));
    }

    @Test
    void filtersByEachListedField() {
        String region = unique("Sagaing");
        Map<String, Object> contested = prisonBody(region);
        contested.putAll(Map.of("township", "Kalay", "controlledBy", "CONTESTED", "inConflictZone", true,
                "nameMy", "ကလေးထောင်", "alternateNames", List.of("Kalemyo Jail")));
        String contestedId = create("prisons", contested);
        Map<String, Object> quiet = prisonBody(region);
        quiet.putAll(Map.of("township", "Monywa", "controlledBy", "MILITARY", "inConflictZone", false));
        String quietId = create("prisons", quiet);

        api().queryParam("stateRegion", region).get("/api/v1/prisons").then().statusCode(200)
                .body("items.id", contains(contestedId, quietId)).body("nextCursor", nullValue());
        api().queryParam("stateRegion", region).queryParam("township", "Monywa").get("/api/v1/prisons").then()
                .body("items.id", contains(quietId));
        api().queryParam("stateRegion", region).queryParam("controlledBy", "CONTESTED").get("/api/v1/prisons")
                .then().body("items.id", contains(contestedId));
        api().queryParam("stateRegion", region).queryParam("inConflictZone", false).get("/api/v1/prisons")
                .then().body("items.id", contains(quietId));
        api().queryParam("q", "KALEMYO").queryParam("stateRegion", region).get("/api/v1/prisons").then()
                .body("items.id", contains(contestedId));
        api().queryParam("q", "ကလေး").get("/api/v1/prisons").then()
                .body("items.id", hasItem(contestedId));
        api().queryParam("q", "100%_").queryParam("stateRegion", region).get("/api/v1/prisons").then()
                .body("items", hasSize(0));
    }

    @Test
    void putReplacesEditableFieldsAndMovesTheVersionOn() {
        String id = prison(unique("Kachin"));
        Map<String, Object> replacement = prisonBody("Kachin");
        replacement.put("name", "Myitkyina Prison");

        api().header("If-Match", "\"1\"").body(replacement).put("/api/v1/prisons/" + id).then()
                .statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("name", equalTo("Myitkyina Prison"))
                .body("kind", equalTo("PRISON"));
        assertEquals(1, db.count("select count(*) from prison where id = ? and name = 'Myitkyina Prison' "
                + "and version = 2", id));
    }

    @Test
    void writesWithoutIfMatchAre428AndWithAStaleOneAre412AndChangeNothing() {
        String id = prison(unique("Kachin"));
        Map<String, Object> replacement = prisonBody("Kachin");

        api().body(replacement).put("/api/v1/prisons/" + id).then().statusCode(428)
                .contentType("application/problem+json").body("status", equalTo(428));
        api().header("If-Match", "\"5\"").body(replacement).put("/api/v1/prisons/" + id).then().statusCode(412);
        patch(null).body(Map.of("township", "X")).patch("/api/v1/prisons/" + id).then().statusCode(428);
        patch("\"0\"").body(Map.of("township", "X")).patch("/api/v1/prisons/" + id).then().statusCode(412);
        api().delete("/api/v1/prisons/" + id).then().statusCode(428);
        api().header("If-Match", "\"2\"").delete("/api/v1/prisons/" + id).then().statusCode(412);

        assertEquals(1, db.count("select count(*) from prison where id = ? and version = 1 and township is null "
                + "and deleted_at is null", id));
    }

    @Test
    void mergePatchSetsAndRemovesOnlyTheNamedFields() {
        Map<String, Object> body = prisonBody(unique("Kachin"));
        body.putAll(Map.of("township", "Bhamo", "pcode", "MMR001010", "alternateNames", List.of("Bhamo")));
        String id = create("prisons", body);
        Map<String, Object> change = new java.util.HashMap<>();
        change.put("pcode", null);
        change.put("status", "EVACUATED");

        patch("\"1\"").body(change).patch("/api/v1/prisons/" + id).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("pcode", nullValue()).body("status", equalTo("EVACUATED"))
                .body("township", equalTo("Bhamo")).body("alternateNames", contains("Bhamo"));
        assertEquals(1, db.count("select count(*) from prison where id = ? and pcode is null", id));
    }

    @Test
    void mergePatchResultIsValidatedLikeAFullBody() {
        String id = prison(unique("Kachin"));
        Map<String, Object> change = new java.util.HashMap<>();
        change.put("name", null);
        change.put("latitude", 91);

        org.prisonwatch.support.Api.hostile().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(change).patch("/api/v1/prisons/" + id).then().statusCode(400)
                .body("errors.field", contains("latitude", "name"));
        assertEquals(1, db.count("select count(*) from prison where id = ? and version = 1", id));
    }

    @Test
    void deleteIsSoftAndTheRecordDisappearsFromReads() {
        String region = unique("Kachin");
        String id = prison(region);

        api().header("If-Match", "\"1\"").delete("/api/v1/prisons/" + id).then().statusCode(204);

        api().get("/api/v1/prisons/" + id).then().statusCode(404).body("status", equalTo(404));
        api().queryParam("stateRegion", region).get("/api/v1/prisons").then().body("items", hasSize(0));
        api().header("If-Match", "\"2\"").body(prisonBody(region)).put("/api/v1/prisons/" + id).then()
                .statusCode(404);
        api().header("If-Match", "*").delete("/api/v1/prisons/" + id).then().statusCode(404);
        assertEquals(1, db.count("select count(*) from prison where id = ? and deleted_at is not null", id));
    }

    @Test
    void deletingAReferencedPrisonIs409WithTheReferencingIds() {
        String id = prison(unique("Kachin"));
        String incidentId = create("incidents", incidentBody(id, "2025-01-01", "2025-01-02"));
        String reportId = create("armed-inmate-reports", reportBody(id));

        api().header("If-Match", "\"1\"").delete("/api/v1/prisons/" + id).then().statusCode(409)
                .body("type", endsWith("still-referenced"))
                .body("referencedBy.id", org.hamcrest.Matchers.containsInAnyOrder(incidentId, reportId))
                .body("referencedBy.collection",
                        org.hamcrest.Matchers.containsInAnyOrder("incidents", "armed-inmate-reports"));
        assertEquals(1, db.count("select count(*) from prison where id = ? and deleted_at is null", id));

        api().header("If-Match", "\"1\"").delete("/api/v1/incidents/" + incidentId).then().statusCode(204);
        api().header("If-Match", "\"1\"").delete("/api/v1/armed-inmate-reports/" + reportId).then()
                .statusCode(204);
        api().header("If-Match", "\"1\"").delete("/api/v1/prisons/" + id).then().statusCode(204);
    }

    @Test
    void nestedReadsListOnlyThisPrisonsRecordsAnd404ForAnUnknownPrison() {
        String id = prison(unique("Kachin"));
        String other = prison(unique("Kachin"));
        String incidentId = create("incidents", incidentBody(id, "2025-01-01", "2025-01-02"));
        create("incidents", incidentBody(other, "2025-01-01", "2025-01-02"));
        String reportId = create("armed-inmate-reports", reportBody(id));

        api().get("/api/v1/prisons/" + id + "/incidents").then().statusCode(200)
                .body("items.id", contains(incidentId));
        api().get("/api/v1/prisons/" + id + "/armed-inmate-reports").then().statusCode(200)
                .body("items.id", contains(reportId));
        api().get("/api/v1/prisons/" + java.util.UUID.randomUUID() + "/incidents").then().statusCode(404);
        api().get("/api/v1/prisons/" + java.util.UUID.randomUUID() + "/armed-inmate-reports").then()
                .statusCode(404);
    }
}
