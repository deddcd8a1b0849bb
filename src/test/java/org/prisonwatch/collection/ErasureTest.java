package org.prisonwatch.collection;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.prisonwatch.support.Api.anonymousUnchecked;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.sourceBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Database;

/**
 * Issue 9, gap 12: an administrator erases an endangered person's name from the record, every stored version and
 * every stored response; afterwards nothing returns it, and the audit chain says it happened without the value.
 */
@QuarkusTest
class ErasureTest {

    @Inject
    Database database;

    private long storedCopies(String canary) {
        return database.count("select count(*) from casualty where person_name = ?", canary)
                + database.count("select count(*) from record_version where snapshot like ?", "%" + canary + "%")
                + database.count("select count(*) from idempotency_key where response_body like ?",
                        "%" + canary + "%");
    }

    @Test
    void erasingAPersonRemovesItFromTheRecordItsHistoryAndStoredResponses() {
        String canary = unique("ErasedName");
        String incidentId = as(Role.REPORTER).body(incidentBody(prison("Kachin"), "2025-03-01", null))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        Map<String, Object> body = casualtyBody(incidentId);
        body.put("person", Map.of("name", canary, "hometown", "Bhamo"));
        String key = unique("erase");
        String id = as(Role.REPORTER).header("Idempotency-Key", key).body(body).post("/api/v1/casualties")
                .then().statusCode(201).extract().path("id");
        as(Role.REPORTER).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("notes", "second version")).patch("/api/v1/casualties/" + id).then().statusCode(200);
        assertEquals(4, storedCopies(canary), "row, two versions and the stored response hold the name");

        hostile().delete("/api/v1/casualties/" + id + "/person").then().statusCode(428);
        api().header("If-Match", "\"1\"").delete("/api/v1/casualties/" + id + "/person").then().statusCode(412);
        as(Role.ANALYST).header("If-Match", "\"2\"").delete("/api/v1/casualties/" + id + "/person").then()
                .statusCode(403);
        as(Role.REPORTER).header("If-Match", "\"2\"").delete("/api/v1/casualties/" + id + "/person").then()
                .statusCode(403);
        anonymousUnchecked().header("If-Match", "\"2\"").delete("/api/v1/casualties/" + id + "/person").then()
                .statusCode(401);
        assertEquals(4, storedCopies(canary), "refused erasures change nothing");

        api().header("If-Match", "\"2\"").delete("/api/v1/casualties/" + id + "/person").then().statusCode(204)
                .header("ETag", "\"3\"");

        assertEquals(0, storedCopies(canary));
        api().get("/api/v1/casualties/" + id).then().statusCode(200).body("$", not(hasKey("person")))
                .body("notes", equalTo("second version"));
        api().get("/api/v1/casualties/" + id + "/history").then().statusCode(200)
                .body("items", everyItem(not(hasKey("person"))));
        as(Role.REPORTER).header("Idempotency-Key", key).body(body).post("/api/v1/casualties").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("$", not(hasKey("person")));
        // no retry tells a right guess of the erased name from a wrong one, and no stored hash of it is left
        Map<String, Object> wrongGuess = new java.util.HashMap<>(body);
        wrongGuess.put("person", Map.of("name", "Somebody Else", "hometown", "Bhamo"));
        as(Role.REPORTER).header("Idempotency-Key", key).body(wrongGuess).post("/api/v1/casualties").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("$", not(hasKey("person")));
        assertEquals(0, database.count("select count(*) from idempotency_key where response_body like ? and "
                + "request_hash <> 'erased'", "%" + id + "%"));
        assertEquals(1, database.count("select count(*) from audit_entry where action = 'ERASE_PERSON' and "
                + "entity = 'Casualty' and entity_id = ? and record_version = 3", id));
        api().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aDeletedRecordCanStillBeErased() {
        String canary = unique("DeletedName");
        String incidentId = create("incidents", incidentBody(prison("Kachin"), "2025-03-01", null));
        Map<String, Object> body = casualtyBody(incidentId);
        body.put("person", Map.of("name", canary));
        String id = create("casualties", body);
        api().header("If-Match", "\"1\"").delete("/api/v1/casualties/" + id).then().statusCode(204);
        api().get("/api/v1/casualties/" + id).then().statusCode(404);

        api().header("If-Match", "\"2\"").delete("/api/v1/casualties/" + id + "/person").then().statusCode(204);
        assertEquals(0, storedCopies(canary));
        api().get("/api/v1/casualties/" + id).then().statusCode(404);
    }

    @Test
    void erasingASourcesContact() {
        String canary = unique("ContactSignal");
        Map<String, Object> source = sourceBody();
        source.put("contact", canary);
        String id = create("sources", source);
        api().header("If-Match", "\"1\"").delete("/api/v1/sources/" + id + "/contact").then().statusCode(204)
                .header("ETag", "\"2\"");
        assertEquals(0, database.count("select count(*) from source where contact = ?", canary));
        assertEquals(0, database.count("select count(*) from record_version where snapshot like ?",
                "%" + canary + "%"));
        String history = api().get("/api/v1/sources/" + id + "/history").then().statusCode(200).extract().asString();
        assertFalse(history.contains(canary));
    }
}
