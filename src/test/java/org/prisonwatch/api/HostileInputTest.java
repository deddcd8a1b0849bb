package org.prisonwatch.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Api.unmapped;
import static org.prisonwatch.support.Fixtures.prisonBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prisonwatch.support.Database;

/** Every malformed request gets a 400-class problem document that names the fault and leaks nothing internal. */
@QuarkusTest
class HostileInputTest {

    @Inject
    Database db;

    private static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("status", equalTo(status))
                .body("type", containsString("urn:prisonwatch:problem:"))
                .body("title", not(equalTo(null)))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.")))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("SQL")))
                .body(not(containsString("\tat ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON           | {\"name\": \"x\", \"stateRegion\": | (none)",
        "trailing garbage         | {\"name\": \"x\", \"stateRegion\": \"K\"} x | (none)",
        "unknown property         | {\"name\": \"x\", \"stateRegion\": \"K\", \"isAdmin\": true} | isAdmin",
        "client-set id            | {\"name\": \"x\", \"stateRegion\": \"K\", \"id\": \"01933ab4-7c56-7000-a8db-3e2b1c4d5e6f\"} | id",
        "client-set version       | {\"name\": \"x\", \"stateRegion\": \"K\", \"version\": 9} | version",
        "client-set createdAt     | {\"name\": \"x\", \"stateRegion\": \"K\", \"createdAt\": \"2020-01-01T00:00:00Z\"} | createdAt",
        "client-set updatedAt     | {\"name\": \"x\", \"stateRegion\": \"K\", \"updatedAt\": \"2020-01-01T00:00:00Z\"} | updatedAt",
        "number for a string      | {\"name\": 12, \"stateRegion\": \"K\"} | name",
        "string for a number      | {\"name\": \"x\", \"stateRegion\": \"K\", \"latitude\": \"24.1\"} | latitude",
        "string for a boolean     | {\"name\": \"x\", \"stateRegion\": \"K\", \"inConflictZone\": \"true\"} | inConflictZone",
        "fraction for an integer  | {\"name\": \"x\", \"stateRegion\": \"K\", \"estimatedPopulation\": 1.5} | estimatedPopulation",
        "unknown enum value       | {\"name\": \"x\", \"stateRegion\": \"K\", \"kind\": \"JAIL\"} | kind",
        "lower-case enum value    | {\"name\": \"x\", \"stateRegion\": \"K\", \"kind\": \"prison\"} | kind",
        "object for a list        | {\"name\": \"x\", \"stateRegion\": \"K\", \"alternateNames\": {\"a\": 1}} | alternateNames",
        "duplicate key            | {\"name\": \"x\", \"name\": \"y\", \"stateRegion\": \"K\"} | (none)",
        "array body               | [] | (none)",
        "missing required         | {\"stateRegion\": \"K\"} | name",
        "blank required           | {\"name\": \"  \", \"stateRegion\": \"K\"} | name",
        "latitude out of range    | {\"name\": \"x\", \"stateRegion\": \"K\", \"latitude\": 90.5} | latitude",
        "longitude out of range   | {\"name\": \"x\", \"stateRegion\": \"K\", \"longitude\": -181} | longitude",
        "bad pcode                | {\"name\": \"x\", \"stateRegion\": \"K\", \"pcode\": \"MMR12\"} | pcode",
        "negative population      | {\"name\": \"x\", \"stateRegion\": \"K\", \"estimatedPopulation\": -1} | estimatedPopulation",
    })
    void badBodiesAre400WithTheFieldNamed(String label, String body, String field) {
        String region = unique("Hostile");
        String json = body.replace("\"K\"", "\"" + region + "\"");
        ValidatableResponse response = isProblem(hostile().body(json).post("/api/v1/prisons").then(), 400);
        if (!field.equals("(none)")) {
            response.body("errors.field", contains(field));
        }
        assertEquals(0, db.count("select count(*) from prison where state_region = ?", region));
    }

    @Test
    void overlongTextIs400() {
        Map<String, Object> body = prisonBody(unique("Hostile"));
        body.put("name", "x".repeat(301));
        isProblem(hostile().body(body).post("/api/v1/prisons").then(), 400).body("errors.field", contains("name"));
    }

    @Test
    void aBodyOverTheSizeLimitIs413() {
        Map<String, Object> body = prisonBody(unique("Hostile"));
        body.put("notes", "x".repeat(1_100_000));
        isProblem(hostile().body(body).post("/api/v1/prisons").then(), 413);
    }

    @Test
    void emptyBodyIs400() {
        isProblem(hostile().post("/api/v1/prisons").then(), 400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad UUID in path         | /api/v1/prisons/not-a-uuid | id",
        "bad UUID in nested path  | /api/v1/incidents/123/casualties | id",
        "limit zero               | /api/v1/prisons?limit=0 | limit",
        "limit above 500          | /api/v1/incidents?limit=501 | limit",
        "limit not a number       | /api/v1/sources?limit=ten | limit",
        "unknown enum in query    | /api/v1/incidents?type=BATTLE | type",
        "bad date in query        | /api/v1/incidents?from=2025-13-01 | from",
        "bad instant in query     | /api/v1/incidents?updatedSince=yesterday | updatedSince",
        "bad boolean in query     | /api/v1/prisons?inConflictZone=yes | inConflictZone",
        "bad UUID in query        | /api/v1/casualties?incidentId=42 | incidentId",
        "unknown sort key         | /api/v1/incidents?sort=title | sort",
        "forged cursor            | /api/v1/incidents?cursor=bm90LWEtY3Vyc29y | cursor",
        "garbage cursor           | /api/v1/incidents?cursor=%25%25%25 | cursor",
        "bad dateMatch            | /api/v1/incidents?dateMatch=during | dateMatch",
    })
    void badParametersAre400WithTheParameterNamed(String label, String url, String parameter) {
        isProblem(hostile().get(url).then(), 400).body("errors.field", contains(parameter));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        isProblem(hostile().contentType("text/plain").body("name=x").post("/api/v1/prisons").then(), 415);
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        isProblem(unmapped().get("/api/v1/prison-camps").then(), 404);
        isProblem(unmapped().delete("/api/v1/prisons").then(), 405);
    }

    @Test
    void mergePatchMustBeAnObjectAndMayNotSetReadOnlyFields() {
        String id = org.prisonwatch.support.Fixtures.prison(unique("Hostile"));
        isProblem(hostile().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("[1, 2]").patch("/api/v1/prisons/" + id).then(), 400);
        isProblem(hostile().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"id\": \"01933ab4-7c56-7000-a8db-3e2b1c4d5e6f\"}").patch("/api/v1/prisons/" + id).then(), 400)
                .body("errors.field", contains("id"));
        isProblem(hostile().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"nickname\": \"x\"}").patch("/api/v1/prisons/" + id).then(), 400)
                .body("errors.field", contains("nickname"));
        assertEquals(1, db.count("select count(*) from prison where id = ? and version = 1", id));
    }
}
