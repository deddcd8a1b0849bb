package org.prisonwatch.armedinmate;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Api.patch;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incident;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.reportBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArmedInmateReportResourceTest {

    @Test
    void storesTheSeedReportShape() {
        String prisonId = prison(unique("Kachin"));
        String incidentId = incident(prisonId);
        Map<String, Object> body = reportBody(prisonId);
        body.putAll(Map.of("incidentId", incidentId, "periodFrom", "2023-01-01", "periodTo", "2025-06-12",
                "inmateCategories", List.of("FORMER_POLICE", "LONG_TERM_CRIMINAL", "FORMER_SOLDIER"),
                "inducements", List.of("RANK_REINSTATEMENT", "SENTENCE_REDUCTION"),
                "roles", List.of("FRONTLINE_COMBAT", "PRISON_SECURITY"),
                "coercion", "COERCED", "usedInCombat", true, "inmatesArmed", Map.of("min", 100)));

        String id = api().body(body).post("/api/v1/armed-inmate-reports").then().statusCode(201)
                .body("inmateCategories", contains("LONG_TERM_CRIMINAL", "FORMER_SOLDIER", "FORMER_POLICE"))
                .body("inducements", contains("SENTENCE_REDUCTION", "RANK_REINSTATEMENT"))
                .body("roles", contains("PRISON_SECURITY", "FRONTLINE_COMBAT"))
                .body("inmatesArmed.min", equalTo(100))
                .extract().path("id");
        api().get("/api/v1/armed-inmate-reports/" + id).then().statusCode(200)
                .body("coercion", equalTo("COERCED")).body("usedInCombat", equalTo(true));
    }

    @Test
    void requiresAPrisonAndAReportDateAndAnOrderedPeriod() {
        Map<String, Object> body = reportBody(null);
        body.remove("prisonId");
        body.remove("reportedOn");
        body.putAll(Map.of("periodFrom", "2025-02-01", "periodTo", "2025-01-01"));
        hostile().body(body).post("/api/v1/armed-inmate-reports").then().statusCode(400)
                .body("errors.field", contains("periodTo", "prisonId", "reportedOn"));
        api().body(reportBody(UUID.randomUUID().toString())).post("/api/v1/armed-inmate-reports").then()
                .statusCode(400).body("errors.field", contains("prisonId"));
    }

    @Test
    void filtersByInducementRoleCombatRegionAndPeriod() {
        String region = unique("Kachin");
        String prisonId = prison(region);
        Map<String, Object> rank = reportBody(prisonId);
        rank.putAll(Map.of("inducements", List.of("RANK_REINSTATEMENT"), "roles", List.of("FRONTLINE_COMBAT"),
                "usedInCombat", true, "periodFrom", "2023-01-01", "periodTo", "2023-12-31"));
        String rankId = create("armed-inmate-reports", rank);
        String plainId = create("armed-inmate-reports", reportBody(prisonId));

        api().queryParam("stateRegion", region).get("/api/v1/armed-inmate-reports").then()
                .body("items.id", contains(rankId, plainId));
        api().queryParam("prisonId", prisonId).queryParam("inducement", "RANK_REINSTATEMENT")
                .get("/api/v1/armed-inmate-reports").then().body("items.id", contains(rankId));
        api().queryParam("prisonId", prisonId).queryParam("role", "PRISON_SECURITY")
                .get("/api/v1/armed-inmate-reports").then().body("items.id", contains(plainId));
        api().queryParam("prisonId", prisonId).queryParam("usedInCombat", true)
                .get("/api/v1/armed-inmate-reports").then().body("items.id", contains(rankId));
        api().queryParam("prisonId", prisonId).queryParam("from", "2025-06-01").queryParam("to", "2025-06-30")
                .get("/api/v1/armed-inmate-reports").then().body("items.id", contains(plainId));
        api().queryParam("prisonId", prisonId).queryParam("sort", "-reportedOn")
                .get("/api/v1/armed-inmate-reports").then().body("items.id", contains(plainId, rankId));
    }

    /**
     * A report's inducements and roles are read from its row but searched in rows of their own: a change to them
     * must move the rows with it, or the filters would find the report by what it no longer says.
     */
    @Test
    void theFiltersFollowAChangedList() {
        String prisonId = prison(unique("Kachin"));
        Map<String, Object> body = reportBody(prisonId);
        body.putAll(Map.of("inducements", List.of("RANK_REINSTATEMENT"), "roles", List.of("FRONTLINE_COMBAT")));
        String id = create("armed-inmate-reports", body);
        String etag = api().get("/api/v1/armed-inmate-reports/" + id).then().extract().header("ETag");

        patch(etag).body(Map.of("inducements", List.of("AMNESTY", "PAYMENT"), "roles", List.of()))
                .patch("/api/v1/armed-inmate-reports/" + id).then().statusCode(200)
                .body("inducements", contains("AMNESTY", "PAYMENT")).body("roles", hasSize(0));

        for (String gone : List.of("inducement=RANK_REINSTATEMENT", "role=FRONTLINE_COMBAT")) {
            api().get("/api/v1/armed-inmate-reports?prisonId=" + prisonId + "&" + gone).then().statusCode(200)
                    .body("items", hasSize(0));
        }
        api().get("/api/v1/armed-inmate-reports?prisonId=" + prisonId + "&inducement=PAYMENT").then()
                .body("items.id", contains(id));
    }
}
