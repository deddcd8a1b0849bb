package org.prisonwatch.gate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.sourceBody;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;

/**
 * Issue 9, gap 11: a reporter's key reads person and contact only in its own submissions, so a phone seized at a
 * checkpoint gives away no one else's names. Which records it sees does not change.
 */
@QuarkusTest
class ReporterIdentifyingDataTest {

    @Test
    void aReporterReadsNoOneElsesPersonContactOrExactCoordinates() {
        Map<String, Object> source = sourceBody();
        source.put("contact", "Signal +95 9 111");
        source.put("confidentiality", "PUBLIC");
        String sourceId = create("sources", source);
        Map<String, Object> incident = incidentBody(prison("Kachin"), "2025-03-01", null);
        incident.putAll(Map.of("confidentiality", "PUBLIC", "latitude", 24.123456, "longitude", 97.654321));
        String incidentId = create("incidents", incident);
        Map<String, Object> casualty = casualtyBody(incidentId);
        casualty.putAll(Map.of("confidentiality", "PUBLIC", "person", Map.of("name", "Ko Aung")));
        String casualtyId = create("casualties", casualty);

        as(Role.REPORTER).get("/api/v1/casualties/" + casualtyId).then().statusCode(200)
                .body("$", not(hasKey("person")));
        as(Role.REPORTER).get("/api/v1/casualties/" + casualtyId + "/history").then().statusCode(200)
                .body("items[0]", not(hasKey("person")));
        as(Role.REPORTER).get("/api/v1/sources/" + sourceId).then().statusCode(200)
                .body("$", not(hasKey("contact")));
        as(Role.REPORTER).get("/api/v1/incidents/" + incidentId).then().statusCode(200)
                .body("latitude", equalTo(24.12f));
        as(Role.ANALYST).get("/api/v1/casualties/" + casualtyId).then().body("person.name", equalTo("Ko Aung"));
    }

    @Test
    void aReporterStillReadsThePersonInItsOwnSubmission() {
        String incidentId = as(Role.REPORTER).body(incidentBody(prison("Kachin"), "2025-03-01", null))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        Map<String, Object> casualty = casualtyBody(incidentId);
        casualty.put("person", Map.of("name", "Ma Hla"));
        String id = as(Role.REPORTER).body(casualty).post("/api/v1/casualties").then().statusCode(201)
                .body("person.name", equalTo("Ma Hla")).extract().path("id");
        as(Role.REPORTER).get("/api/v1/casualties/" + id).then().statusCode(200)
                .body("person.name", equalTo("Ma Hla"));
    }
}
