package org.prisonwatch.casualty;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incident;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CasualtyResourceTest {

    @Test
    void storesAnIdentifiedPerson() {
        String incidentId = incident(null);
        Map<String, Object> body = casualtyBody(incidentId);
        body.put("count", Map.of("min", 1, "best", 1, "max", 1));
        body.put("person", Map.of("name", "Ko Aung", "prisonerNumber", "BMW-12345", "age", 34, "gender", "MALE",
                "hometown", "Bhamo"));
        body.put("occurredOn", "2025-03-14");
        String id = api().body(body).post("/api/v1/casualties").then().statusCode(201)
                .body("person.prisonerNumber", equalTo("BMW-12345")).extract().path("id");
        api().get("/api/v1/casualties/" + id).then().statusCode(200)
                .body("person.name", equalTo("Ko Aung")).body("group", equalTo("CONSCRIPTED_INMATE"));
    }

    @Test
    void requiresIncidentOutcomeGroupAndCount() {
        hostile().body(Map.of()).post("/api/v1/casualties").then().statusCode(400)
                .body("errors.field", contains("count", "group", "incidentId", "outcome"));
        api().body(casualtyBody(UUID.randomUUID().toString())).post("/api/v1/casualties").then().statusCode(400)
                .body("errors.field", contains("incidentId"));
    }

    @Test
    void filtersByIncidentPrisonOutcomeGroupAndDate() {
        String prisonId = prison(unique("Kachin"));
        String incidentId = incident(prisonId);
        Map<String, Object> staff = casualtyBody(incidentId);
        staff.putAll(Map.of("outcome", "INJURED", "group", "PRISON_STAFF", "occurredOn", "2025-03-20"));
        String staffId = create("casualties", staff);
        String inmateId = create("casualties", casualtyBody(incidentId));

        api().queryParam("prisonId", prisonId).get("/api/v1/casualties").then()
                .body("items.id", contains(staffId, inmateId));
        api().queryParam("incidentId", incidentId).queryParam("outcome", "KILLED").get("/api/v1/casualties")
                .then().body("items.id", contains(inmateId));
        api().queryParam("incidentId", incidentId).queryParam("group", "PRISON_STAFF").get("/api/v1/casualties")
                .then().body("items.id", contains(staffId));
        api().queryParam("incidentId", incidentId).queryParam("from", "2025-03-01").queryParam("to", "2025-03-31")
                .get("/api/v1/casualties").then().body("items.id", contains(staffId));
    }
}
