package org.prisonwatch.casualty;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;

/** Issue 9, gap 4: a filter that goes through a reference does not reach through a hidden record. */
@QuarkusTest
class ReferenceFilterVisibilityTest {

    @Test
    void aPublicCasualtyDoesNotTellWhereItsConfidentialIncidentHappened() {
        String prisonId = prison("Kachin");
        Map<String, Object> incident = incidentBody(prisonId, "2025-03-01", null);
        incident.put("confidentiality", "CONFIDENTIAL");
        String incidentId = create("incidents", incident);
        Map<String, Object> casualty = casualtyBody(incidentId);
        casualty.put("confidentiality", "PUBLIC");
        String casualtyId = create("casualties", casualty);

        Map<String, Supplier<RequestSpecification>> outsiders = Map.of("anonymous", () -> anonymous(),
                "partner", () -> as(Role.PARTNER), "reporter", () -> as(Role.REPORTER));
        for (Supplier<RequestSpecification> caller : outsiders.values()) {
            caller.get().get("/api/v1/casualties?prisonId=" + prisonId).then().statusCode(200)
                    .body("items", empty());
            caller.get().get("/api/v1/casualties?incidentId=" + incidentId).then().statusCode(200)
                    .body("items", empty());
            // the casualty itself is public and still listed without the filter through its incident
            caller.get().get("/api/v1/casualties/" + casualtyId).then().statusCode(200);
        }
        as(Role.ANALYST).get("/api/v1/casualties?prisonId=" + prisonId).then().statusCode(200)
                .body("items.id", contains(casualtyId));
    }
}
