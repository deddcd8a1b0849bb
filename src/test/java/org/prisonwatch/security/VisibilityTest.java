package org.prisonwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.sourceBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Keys;

/** A record the caller may not see does not exist for them: 404 on reads, absent from lists, unknown as a reference. */
@QuarkusTest
class VisibilityTest {

    private static String incidentAt(String prisonId, String confidentiality, RequestSpecification as) {
        Map<String, Object> body = incidentBody(prisonId, "2025-01-01", null);
        body.put("confidentiality", confidentiality);
        return as.body(body).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    @Test
    void eachAudienceListsAndReadsExactlyWhatItMaySee() {
        String prisonId = prison(unique("Visibility"));
        String open = incidentAt(prisonId, "PUBLIC", api());
        String restricted = incidentAt(prisonId, "RESTRICTED", api());
        String confidential = incidentAt(prisonId, "CONFIDENTIAL", api());
        String reporters = incidentAt(prisonId, "CONFIDENTIAL", as(Role.REPORTER));

        Map<String, List<String>> visible = Map.of(
                "anonymous", List.of(open),
                "PARTNER", List.of(open, restricted),
                "REPORTER", List.of(open, reporters),
                "ANALYST", List.of(open, restricted, confidential, reporters),
                "ADMIN", List.of(open, restricted, confidential, reporters));
        visible.forEach((caller, ids) -> {
            java.util.function.Supplier<RequestSpecification> spec = () -> caller.equals("anonymous") ? anonymous()
                    : as(Role.valueOf(caller));
            spec.get().queryParam("prisonId", prisonId).get("/api/v1/incidents").then().statusCode(200)
                    .body("items.id", containsInAnyOrder(ids.toArray()));
            spec.get().get("/api/v1/prisons/" + prisonId + "/incidents").then().statusCode(200)
                    .body("items.id", containsInAnyOrder(ids.toArray()));
            for (String id : List.of(open, restricted, confidential, reporters)) {
                int expected = ids.contains(id) ? 200 : 404;
                spec.get().get("/api/v1/incidents/" + id).then().statusCode(expected);
                spec.get().get("/api/v1/incidents/" + id + "/casualties").then().statusCode(expected);
            }
        });
    }

    @Test
    void aReporterDoesNotSeeAnotherReportersConfidentialSubmission() {
        String other = Keys.another(Role.REPORTER);
        Map<String, Object> body = incidentBody(null, "2025-01-01", null);
        body.put("confidentiality", "CONFIDENTIAL");
        String id = given().header("Authorization", "Bearer " + other).contentType(ContentType.JSON).body(body)
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");

        as(Role.REPORTER).get("/api/v1/incidents/" + id).then().statusCode(404);
        given().header("Authorization", "Bearer " + other).get("/api/v1/incidents/" + id).then().statusCode(200);
    }

    @Test
    void aReporterEditsOnlyTheirOwnSubmissionsAndCannotVerify() {
        Map<String, Object> own = incidentBody(null, "2025-01-01", null);
        String ownId = as(Role.REPORTER).body(own).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        own.put("title", "Corrected title");
        as(Role.REPORTER).header("If-Match", "\"1\"").body(own).put("/api/v1/incidents/" + ownId).then()
                .statusCode(200).body("title", equalTo("Corrected title"));

        own.put("verificationStatus", "VERIFIED");
        as(Role.REPORTER).header("If-Match", "\"2\"").body(own).put("/api/v1/incidents/" + ownId).then()
                .statusCode(403).body("type", equalTo("urn:prisonwatch:problem:forbidden"));
        Map<String, Object> preVerified = incidentBody(null, "2025-01-01", null);
        preVerified.put("verificationStatus", "CORROBORATED");
        as(Role.REPORTER).body(preVerified).post("/api/v1/incidents").then().statusCode(403);

        Map<String, Object> someoneElses = incidentBody(null, "2025-01-01", null);
        someoneElses.put("confidentiality", "PUBLIC");
        String othersId = create("incidents", someoneElses);
        as(Role.REPORTER).header("If-Match", "\"1\"").body(someoneElses).put("/api/v1/incidents/" + othersId).then()
                .statusCode(403);

        as(Role.ANALYST).header("If-Match", "\"2\"").contentType("application/merge-patch+json")
                .body(Map.of("verificationStatus", "VERIFIED")).patch("/api/v1/incidents/" + ownId).then()
                .statusCode(200).body("verificationStatus", equalTo("VERIFIED"));
        // a submitter's edit to what an analyst verified needs verifying again (issue 9, gap 1)
        as(Role.REPORTER).header("If-Match", "\"3\"").contentType("application/merge-patch+json")
                .body(Map.of("title", "Changes what was verified")).patch("/api/v1/incidents/" + ownId).then()
                .statusCode(200).body("verificationStatus", equalTo("REPORTED"));
    }

    @Test
    void aRecordTheCallerCannotSeeIsUnknownAsAReference() {
        Map<String, Object> secretSource = sourceBody();
        secretSource.put("confidentiality", "CONFIDENTIAL");
        String sourceId = create("sources", secretSource);
        Map<String, Object> citing = incidentBody(null, "2025-01-01", null);
        citing.put("citations", List.of(Map.of("sourceId", sourceId)));
        as(Role.REPORTER).body(citing).post("/api/v1/incidents").then().statusCode(400)
                .body("errors[0].field", equalTo("citations[0].sourceId"));

        String secretIncident = incidentAt(null, "CONFIDENTIAL", api());
        as(Role.REPORTER).body(casualtyBody(secretIncident)).post("/api/v1/casualties").then().statusCode(400)
                .body("errors[0].field", equalTo("incidentId"));
        assertEquals(201, as(Role.ANALYST).body(casualtyBody(secretIncident)).post("/api/v1/casualties").statusCode());
    }
}
