package org.prisonwatch.stats;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Api.hostile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Fixtures;

/**
 * Figures against hand-computed sums, per role, on one state or region of their own: two prisons, incidents at
 * every confidentiality level, casualties with missing bounds, one of them a reporter's own.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTest {

    static final String SECRET_NAME = "Stat Secret Person";

    String region;
    String prisonA;
    String prisonB;

    /** Once per class (the HTTP port is known only once the test methods start). */
    @BeforeEach
    void fixture() {
        if (region != null) {
            return;
        }
        region = Fixtures.unique("StatsRegion");
        prisonA = Fixtures.prison(region);
        prisonB = Fixtures.prison(region);
        String i1 = Fixtures.incidentOn(prisonA, "1971-03-10", "PUBLIC");
        String i2 = Fixtures.incidentOn(prisonB, "1971-04-02", "PUBLIC");
        String i3 = Fixtures.incidentOn(prisonA, "1971-03-20", "CONFIDENTIAL");
        casualty(Role.ADMIN, i1, "KILLED", Map.of("min", 2, "best", 3, "max", 5), "PUBLIC", "VERIFIED", null);
        casualty(Role.ADMIN, i1, "KILLED", Map.of("best", 4), "PUBLIC", "REPORTED", SECRET_NAME);
        casualty(Role.ADMIN, i2, "INJURED", Map.of("min", 1, "max", 2), "RESTRICTED", "REPORTED", null);
        // a PUBLIC casualty of a CONFIDENTIAL incident counts only for those who may see the incident too
        casualty(Role.ADMIN, i3, "KILLED", Map.of("min", 10, "best", 10, "max", 10), "PUBLIC", "REPORTED", null);
        casualty(Role.ADMIN, i1, "KILLED", Map.of("min", 1, "best", 1, "max", 1), "CONFIDENTIAL", "REPORTED", null);
        casualty(Role.REPORTER, i2, "MISSING", Map.of("min", 3), "RESTRICTED", null, SECRET_NAME);
    }

    @Test
    void staffFiguresSumEachBoundAndSayWhatLackedIt() {
        for (Role staff : List.of(Role.ANALYST, Role.ADMIN)) {
            JsonPath stats = byPrison(as(staff));
            assertRow(stats, prisonA, 4, 13, 18, 16, 1, 0, 1);
            assertRow(stats, prisonB, 2, 4, 0, 2, 0, 2, 1);
            assertEquals(false, stats.getBoolean("suppression.applied"));
        }
    }

    @Test
    void aReporterCountsPublicRecordsAndTheirOwn() {
        JsonPath stats = byPrison(as(Role.REPORTER));
        assertRow(stats, prisonA, 2, 2, 7, 5, 1, 0, 1);
        assertRow(stats, prisonB, 1, 3, 0, 0, 0, 1, 1);
    }

    @Test
    void publicAndPartnerFiguresWithholdGroupsOfFewerThanFiveRecords() {
        for (RequestSpecification caller : List.of(anonymous(), as(Role.PARTNER))) {
            caller.queryParam("groupBy", "stateRegion").queryParam("stateRegion", region)
                    .get("/api/v1/stats/casualties").then().statusCode(200)
                    .body("suppression.applied", equalTo(true)).body("suppression.minRecords", equalTo(5))
                    .body("rows", hasSize(1)).body("rows[0].keys.stateRegion", equalTo(region))
                    .body("rows[0].suppressed", equalTo(true)).body("rows[0].records", nullValue())
                    .body("rows[0].best", nullValue()).body("rows[0].lacking", nullValue());
        }
    }

    @Test
    void twoDimensionsForStaff() {
        JsonPath stats = as(Role.ANALYST).queryParam("groupBy", "prison,outcome").queryParam("stateRegion", region)
                .get("/api/v1/stats/casualties").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("prison", "outcome"), stats.getList("groupBy"));
        assertEquals(3, stats.getList("rows").size(), "A: killed; B: injured, missing");
        Map<String, Object> killedAtA = stats.getMap("rows.find { it.keys.prisonId == '" + prisonA
                + "' && it.keys.outcome == 'KILLED' }");
        assertEquals(4, killedAtA.get("records"));
        assertEquals(18, killedAtA.get("best"));
    }

    @Test
    void verifiedOnlyCountsVerifiedRecords() {
        JsonPath stats = as(Role.ANALYST).queryParam("groupBy", "prison").queryParam("stateRegion", region)
                .queryParam("verifiedOnly", true).get("/api/v1/stats/casualties").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, stats.getList("rows").size());
        assertRow(stats, prisonA, 1, 2, 3, 5, 0, 0, 0);
    }

    @Test
    void staffDatesAreTakenAsGiven() {
        as(Role.ANALYST).queryParam("groupBy", "month").queryParam("stateRegion", region)
                .queryParam("from", "1971-03-15").queryParam("to", "1971-03-31")
                .get("/api/v1/stats/casualties").then().statusCode(200)
                .body("from", equalTo("1971-03-15")).body("rows", hasSize(1))
                .body("rows[0].keys.month", equalTo("1971-03")).body("rows[0].records", equalTo(1))
                .body("rows[0].best", equalTo(10));
    }

    @Test
    void incidentAndArmedInmateFigures() {
        as(Role.ANALYST).queryParam("groupBy", "prison").queryParam("stateRegion", region)
                .get("/api/v1/stats/incidents").then().statusCode(200)
                .body("rows.find { it.keys.prisonId == '" + prisonA + "' }.records", equalTo(2))
                .body("rows.find { it.keys.prisonId == '" + prisonB + "' }.records", equalTo(1));
        Map<String, Object> report = Fixtures.reportBody(prisonB);
        report.put("inmatesArmed", Map.of("min", 40, "best", 50, "max", 60));
        report.put("periodFrom", "1971-05-01");
        Fixtures.create("armed-inmate-reports", report);
        as(Role.ANALYST).queryParam("groupBy", "month").queryParam("stateRegion", region)
                .get("/api/v1/stats/armed-inmates").then().statusCode(200)
                .body("rows", hasSize(1)).body("rows[0].keys.month", equalTo("1971-05"))
                .body("rows[0].min", equalTo(40)).body("rows[0].best", equalTo(50)).body("rows[0].max", equalTo(60));
    }

    @Test
    void noIdentifyingValueInAnyStatistic() {
        for (Supplier<RequestSpecification> caller : List.<Supplier<RequestSpecification>>of(() -> anonymous(),
                () -> as(Role.PARTNER), () -> as(Role.ANALYST))) {
            for (String subject : List.of("casualties", "incidents", "armed-inmates")) {
                for (String groupBy : List.of("", "prison", "month", "verificationStatus")) {
                    RequestSpecification request = groupBy.isEmpty() ? caller.get()
                            : caller.get().queryParam("groupBy", groupBy);
                    String body = request.get("/api/v1/stats/" + subject).then()
                            .statusCode(200).extract().asString();
                    assertFalse(body.contains(SECRET_NAME), subject + " by " + groupBy);
                }
            }
        }
    }

    @Test
    void badGroupingsAndFiltersAreProblems() {
        hostile().queryParam("groupBy", "colour").get("/api/v1/stats/casualties").then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy")).body("detail", containsString("colour"));
        hostile().queryParam("groupBy", "outcome").get("/api/v1/stats/incidents").then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        hostile().queryParam("groupBy", "month,year").get("/api/v1/stats/casualties").then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        hostile().queryParam("groupBy", "prison,prison").get("/api/v1/stats/casualties").then().statusCode(400);
        hostile().queryParam("groupBy", "prison,month,outcome").get("/api/v1/stats/casualties").then()
                .statusCode(400);
        hostile().queryParam("from", "2025-02-01").queryParam("to", "2025-01-01").get("/api/v1/stats/incidents")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        hostile().queryParam("to", "0999-12-31").get("/api/v1/stats/incidents").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        hostile().queryParam("verifiedOnly", "maybe").get("/api/v1/stats/incidents").then().statusCode(400);
        hostile().queryParam("type", "PICNIC").get("/api/v1/stats/incidents").then().statusCode(400);
    }

    private JsonPath byPrison(RequestSpecification caller) {
        return caller.queryParam("groupBy", "prison").queryParam("stateRegion", region)
                .get("/api/v1/stats/casualties").then().statusCode(200).extract().jsonPath();
    }

    private static void assertRow(JsonPath stats, String prison, int records, int min, int best, int max,
            int lackingMin, int lackingBest, int lackingMax) {
        String row = "rows.find { it.keys.prisonId == '" + prison + "' }";
        assertEquals(List.of(records, min, best, max, lackingMin, lackingBest, lackingMax, false), List.of(
                stats.getInt(row + ".records"), stats.getInt(row + ".min"), stats.getInt(row + ".best"),
                stats.getInt(row + ".max"), stats.getInt(row + ".lacking.min"), stats.getInt(row + ".lacking.best"),
                stats.getInt(row + ".lacking.max"), stats.getBoolean(row + ".suppressed")), prison);
    }

    static void casualty(Role role, String incidentId, String outcome, Map<String, Object> count,
            String confidentiality, String verificationStatus, String personName) {
        Map<String, Object> body = new HashMap<>(Fixtures.casualtyBody(incidentId));
        body.put("outcome", outcome);
        body.put("count", count);
        body.put("confidentiality", confidentiality);
        if (verificationStatus != null) {
            body.put("verificationStatus", verificationStatus);
        }
        if (personName != null) {
            body.put("person", Map.of("name", personName));
        }
        as(role).body(body).post("/api/v1/casualties").then().statusCode(201);
    }
}
