package org.prisonwatch.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Api.patch;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incident;
import static org.prisonwatch.support.Fixtures.incidentBody;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;

@QuarkusTest
class HistoryTest {

    @Test
    void listsEveryVersionAsItWasOldestFirst() {
        Map<String, Object> body = incidentBody(null, "2025-01-01", null);
        body.put("title", "First account");
        String id = create("incidents", body);
        body.put("title", "Second account");
        api().header("If-Match", "\"1\"").body(body).put("/api/v1/incidents/" + id).then().statusCode(200);
        patch("\"2\"").body(Map.of("title", "Third account")).patch("/api/v1/incidents/" + id).then().statusCode(200);

        api().get("/api/v1/incidents/" + id + "/history").then().statusCode(200)
                .body("items.version", contains(1, 2, 3))
                .body("items.title", contains("First account", "Second account", "Third account"));
        api().queryParam("limit", 2).get("/api/v1/incidents/" + id + "/history").then()
                .body("items.version", contains(1, 2)).header("Link", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void versionsTheCallerCouldNotSeeAreLeftOutAndHiddenRecordsAre404() {
        Map<String, Object> body = incidentBody(null, "2025-01-01", null);
        body.put("confidentiality", "CONFIDENTIAL");
        body.put("title", "Secret draft");
        String id = create("incidents", body);
        anonymous().get("/api/v1/incidents/" + id + "/history").then().statusCode(404);

        patch("\"1\"").body(Map.of("confidentiality", "PUBLIC", "title", "Published account"))
                .patch("/api/v1/incidents/" + id).then().statusCode(200);
        anonymous().get("/api/v1/incidents/" + id + "/history").then().statusCode(200)
                .body("items.version", contains(2)).body("items.title", contains("Published account"));

        api().header("If-Match", "\"2\"").delete("/api/v1/incidents/" + id).then().statusCode(204);
        api().get("/api/v1/incidents/" + id + "/history").then().statusCode(404);
    }

    @Test
    void historyIsRedactedPerAudienceAndReadsOfPersonsAreAudited() {
        Map<String, Object> body = casualtyBody(incident(null));
        body.put("confidentiality", "RESTRICTED");
        body.put("person", Map.of("name", "Ko Aung"));
        String id = create("casualties", body);

        as(Role.PARTNER).get("/api/v1/casualties/" + id + "/history").then().statusCode(200)
                .body("items", hasSize(1)).body("items", everyItem(not(hasKey("person"))));
        as(Role.ANALYST).get("/api/v1/casualties/" + id + "/history").then().statusCode(200)
                .body("items[0].person.name", org.hamcrest.Matchers.equalTo("Ko Aung"));
        api().queryParam("entityId", id).queryParam("action", "READ_PERSON").get("/api/v1/audit").then()
                // the creating admin's response and the analyst's read carried the person; the partner's did not
                .body("items", hasSize(2));
    }
}
