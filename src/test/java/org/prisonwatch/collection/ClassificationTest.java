package org.prisonwatch.collection;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Database;

/** Issue 9, gap 1: classification and verification belong to analysts, not to submitters. */
@QuarkusTest
class ClassificationTest {

    @Inject
    Database database;

    private static io.restassured.specification.RequestSpecification patchAs(Role role, String ifMatch) {
        return as(role).contentType("application/merge-patch+json").header("If-Match", ifMatch);
    }

    private String reportersIncident() {
        return as(Role.REPORTER).body(incidentBody(prison("Kachin"), "2025-03-01", null)).post("/api/v1/incidents")
                .then().statusCode(201).body("confidentiality", equalTo("RESTRICTED")).extract().path("id");
    }

    @Test
    void aReporterCannotUndoAnAnalystsClassification() {
        String id = reportersIncident();
        patchAs(Role.ANALYST, "\"1\"").body(Map.of("confidentiality", "CONFIDENTIAL"))
                .patch("/api/v1/incidents/" + id).then().statusCode(200);

        patchAs(Role.REPORTER, "\"2\"").body(Map.of("confidentiality", "PUBLIC"))
                .patch("/api/v1/incidents/" + id).then().statusCode(403)
                .body("type", equalTo("urn:prisonwatch:problem:forbidden"));
        patchAs(Role.REPORTER, "\"2\"").body(Map.of("confidentiality", "RESTRICTED"))
                .patch("/api/v1/incidents/" + id).then().statusCode(403);

        anonymous().get("/api/v1/incidents/" + id).then().statusCode(404);
        assertEquals(1, database.count("select count(*) from incident where id = ? and confidentiality = "
                + "'CONFIDENTIAL' and version = 2", id));
    }

    @Test
    void aReporterCannotPublishStraightToPublic() {
        String title = unique("Published");
        Map<String, Object> body = incidentBody(prison("Kachin"), "2025-03-01", null);
        body.put("title", title);
        body.put("confidentiality", "PUBLIC");
        as(Role.REPORTER).body(body).post("/api/v1/incidents").then().statusCode(403);
        assertEquals(0, database.count("select count(*) from incident where title = ?", title));

        body.put("confidentiality", "CONFIDENTIAL");
        as(Role.REPORTER).body(body).post("/api/v1/incidents").then().statusCode(201);
    }

    @Test
    void aPartnerCannotPublishByReference() {
        Map<String, Object> body = incidentBody(prison("Kachin"), "2025-03-01", null);
        body.put("confidentiality", "PUBLIC");
        as(Role.PARTNER).body(body).put("/api/v1/incidents/by-ref/" + unique("pub")).then().statusCode(403);
    }

    @Test
    void aSubmittersEditToAVerifiedRecordReturnsItToReported() {
        String id = reportersIncident();
        patchAs(Role.ANALYST, "\"1\"").body(Map.of("verificationStatus", "VERIFIED"))
                .patch("/api/v1/incidents/" + id).then().statusCode(200);

        patchAs(Role.REPORTER, "\"2\"").body(Map.of("description", "More detail from a second witness"))
                .patch("/api/v1/incidents/" + id).then().statusCode(200)
                .body("verificationStatus", equalTo("REPORTED")).body("version", equalTo(3));

        // an analyst's own edit keeps what they verified
        patchAs(Role.ANALYST, "\"3\"").body(Map.of("verificationStatus", "VERIFIED"))
                .patch("/api/v1/incidents/" + id).then().statusCode(200);
        patchAs(Role.ANALYST, "\"4\"").body(Map.of("description", "Checked"))
                .patch("/api/v1/incidents/" + id).then().statusCode(200)
                .body("verificationStatus", equalTo("VERIFIED"));
    }
}
