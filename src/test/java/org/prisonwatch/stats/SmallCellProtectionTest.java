package org.prisonwatch.stats;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Fixtures;

/**
 * Public figures give no small group away: not from one response's rows against the total, nor by subtracting
 * any two responses an anonymous or partner caller can get (a coarser grouping, another filter, other dates).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallCellProtectionTest {

    static final int K = 5;
    static final List<String> SUBJECTS = List.of("casualties", "incidents", "armed-inmates");

    String region;
    String p1;
    String p2;
    String p3;
    String p4;

    /** Once per class (the HTTP port is known only once the test methods start). */
    @BeforeEach
    void fixture() {
        if (region != null) {
            return;
        }
        region = Fixtures.unique("SmallCells");
        p1 = Fixtures.prison(region);
        p2 = Fixtures.prison(region);
        p3 = Fixtures.prison(region);
        p4 = Fixtures.prison(region);
        casualties(p1, "1972-06-01", 6, "PUBLIC");
        casualties(p1, "1972-06-01", 1, "RESTRICTED");
        casualties(p2, "1972-06-01", 5, "PUBLIC");
        casualties(p3, "1972-06-01", 2, "PUBLIC");
        casualties(p4, "1972-06-01", 7, "PUBLIC");
        String elsewhere = Fixtures.prison(Fixtures.unique("SmallCellsMonths"));
        casualties(elsewhere, "1973-01-10", 6, "PUBLIC");
        casualties(elsewhere, "1973-02-10", 1, "PUBLIC");
        casualties(elsewhere, "1973-03-10", 5, "PUBLIC");
        casualties(elsewhere, "1974-05-10", 6, "PUBLIC");
    }

    @Test
    void aSmallPrisonIsWithheldWithTheNextSmallestOfItsRegion() {
        JsonPath stats = anonymous().queryParam("groupBy", "prison").queryParam("stateRegion", region)
                .get("/api/v1/stats/casualties").then().statusCode(200).extract().jsonPath();
        assertEquals(4, stats.getList("rows").size());
        assertVisible(stats, p1, 6);
        assertWithheld(stats, p2);
        assertWithheld(stats, p3);
        assertVisible(stats, p4, 7);
        // the partner also counts the RESTRICTED casualty
        JsonPath partner = as(Role.PARTNER).queryParam("groupBy", "prison").queryParam("stateRegion", region)
                .get("/api/v1/stats/casualties").then().statusCode(200).extract().jsonPath();
        assertVisible(partner, p1, 7);
        assertWithheld(partner, p3);
    }

    /**
     * Six prisons of one record each under a region of six: every prison is withheld, and the region's visible
     * six would still say that each holds exactly one. So the region is withheld too.
     */
    @Test
    void aRegionWhosePrisonsCannotCoverEachOtherIsWithheld() {
        String thin = Fixtures.unique("ThinRegion");
        for (int i = 0; i < 6; i++) {
            casualties(Fixtures.prison(thin), "1972-08-01", 1, "PUBLIC");
        }
        anonymous().queryParam("groupBy", "prison").queryParam("stateRegion", thin).get("/api/v1/stats/casualties")
                .then().statusCode(200).body("rows", hasSize(6)).body("rows.suppressed", org.hamcrest.Matchers
                        .everyItem(equalTo(true)));
        anonymous().queryParam("groupBy", "stateRegion").queryParam("stateRegion", thin)
                .get("/api/v1/stats/casualties").then().statusCode(200).body("rows[0].records", org.hamcrest.Matchers
                        .nullValue()).body("rows[0].suppressed", equalTo(true));
        // staff see the six
        as(Role.ANALYST).queryParam("groupBy", "stateRegion").queryParam("stateRegion", thin)
                .get("/api/v1/stats/casualties").then().statusCode(200).body("rows[0].records", equalTo(6));
    }

    @Test
    void aSmallMonthIsWithheldWithTheNextSmallestOfItsYearAndDatesSnapToWholeMonths() {
        anonymous().queryParam("groupBy", "month").queryParam("from", "1973-01-15").queryParam("to", "1973-03-02")
                .get("/api/v1/stats/casualties").then().statusCode(200)
                .body("from", equalTo("1973-01-01")).body("to", equalTo("1973-03-31")).body("rows", hasSize(3))
                .body("rows[0].keys.month", equalTo("1973-01")).body("rows[0].suppressed", equalTo(false))
                .body("rows[0].records", equalTo(6))
                .body("rows[1].keys.month", equalTo("1973-02")).body("rows[1].suppressed", equalTo(true))
                .body("rows[2].keys.month", equalTo("1973-03")).body("rows[2].suppressed", equalTo(true));
        anonymous().queryParam("groupBy", "year").queryParam("from", "1974-07-01").queryParam("to", "1974-07-01")
                .get("/api/v1/stats/casualties").then().statusCode(200)
                .body("from", equalTo("1974-01-01")).body("to", equalTo("1974-12-31"))
                .body("rows", hasSize(1)).body("rows[0].keys.year", equalTo(1974));
    }

    @Test
    void publicCallersFilterOnlyOnTheirGroupingAndGroupOneWayAtATime() {
        for (Supplier<RequestSpecification> caller : List.<Supplier<RequestSpecification>>of(
                () -> anonymous(), () -> as(Role.PARTNER))) {
            caller.get().queryParam("groupBy", "prison").queryParam("type", "COMBAT_CASUALTIES")
                    .get("/api/v1/stats/casualties").then().statusCode(400).body("errors[0].field", equalTo("type"));
            caller.get().queryParam("groupBy", "outcome").queryParam("stateRegion", region)
                    .get("/api/v1/stats/casualties").then().statusCode(400)
                    .body("errors[0].field", equalTo("stateRegion"));
            caller.get().queryParam("groupBy", "prison").queryParam("from", "2025-01-01")
                    .get("/api/v1/stats/casualties").then().statusCode(400).body("errors[0].field", equalTo("from"));
            caller.get().queryParam("verifiedOnly", true).get("/api/v1/stats/incidents").then().statusCode(400)
                    .body("errors[0].field", equalTo("verifiedOnly"));
            caller.get().queryParam("groupBy", "prison,outcome").get("/api/v1/stats/casualties").then()
                    .statusCode(400).body("errors[0].field", equalTo("groupBy"));
        }
        anonymous().queryParam("groupBy", "verificationStatus").queryParam("verifiedOnly", true)
                .get("/api/v1/stats/incidents").then().statusCode(200);
    }

    /**
     * Every table an anonymous or partner caller can get, checked against every total they can subtract it from:
     * the grand total, and the coarser table its groups nest in (months in years, prisons in regions).
     */
    @Test
    void noWithheldGroupCanBeWorkedOutBySubtraction() {
        for (Supplier<RequestSpecification> caller : List.<Supplier<RequestSpecification>>of(
                () -> anonymous(), () -> as(Role.PARTNER))) {
            for (String subject : SUBJECTS) {
                Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
                for (String groupBy : List.of("", "prison", "stateRegion", "month", "year", "type", "outcome",
                        "group", "verificationStatus")) {
                    RequestSpecification request = caller.get();
                    var response = (groupBy.isEmpty() ? request : request.queryParam("groupBy", groupBy))
                            .get("/api/v1/stats/" + subject);
                    if (response.statusCode() == 200) {
                        tables.put(groupBy, response.jsonPath().getList("rows"));
                    }
                }
                List<Map<String, Object>> total = tables.get("");
                assertEquals(1, total.size());
                for (Map.Entry<String, List<Map<String, Object>>> table : tables.entrySet()) {
                    table.getValue().forEach(SmallCellProtectionTest::assertWithheldHaveNoFigures);
                    assertProtected(subject + " by " + table.getKey() + " against the total", total.get(0),
                            table.getValue());
                }
                assertNested(subject + ": months in years", tables.get("year"), tables.get("month"),
                        year -> String.valueOf(year.get("year")),
                        month -> ((String) month.get("month")).substring(0, 4));
                assertNested(subject + ": prisons in regions", tables.get("stateRegion"), tables.get("prison"),
                        region -> String.valueOf(region.get("stateRegion")),
                        prison -> String.valueOf(prison.get("stateRegion")));
            }
        }
    }

    /** A filtered request shows the same rows, withheld or not, as the whole table: it only picks among them. */
    @Test
    void aFilterPicksRowsOfTheSameTable() {
        List<Map<String, Object>> whole = anonymous().queryParam("groupBy", "month").get("/api/v1/stats/casualties")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        List<Map<String, Object>> picked = anonymous().queryParam("groupBy", "month").queryParam("from", "1973-02-01")
                .queryParam("to", "1974-12-31").get("/api/v1/stats/casualties").then().statusCode(200).extract()
                .jsonPath().getList("rows");
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Map<String, Object> row : whole) {
            String month = (String) keys(row).get("month");
            if (month.compareTo("1973-02") >= 0 && month.compareTo("1974-12") <= 0) {
                expected.add(row);
            }
        }
        assertEquals(expected, picked);
        assertTrue(picked.stream().anyMatch(row -> Boolean.TRUE.equals(row.get("suppressed"))));
    }

    private static void assertNested(String what, List<Map<String, Object>> parents,
            List<Map<String, Object>> children, Function<Map<String, Object>, String> parentKey,
            Function<Map<String, Object>, String> childParent) {
        for (Map<String, Object> parent : parents) {
            String key = parentKey.apply(keys(parent));
            List<Map<String, Object>> family = children.stream()
                    .filter(child -> key.equals(childParent.apply(keys(child)))).toList();
            assertFalse(family.isEmpty(), what + ": " + key + " has no groups under it");
            if (Boolean.TRUE.equals(parent.get("suppressed"))) {
                long withheld = family.stream().filter(child -> Boolean.TRUE.equals(child.get("suppressed"))).count();
                assertTrue(withheld >= Math.min(2, family.size()), what + ": withheld " + key + " would be the sum of "
                        + "its visible groups");
            } else {
                assertProtected(what + ": " + key, parent, family);
            }
        }
    }

    /** What a reader can subtract from a visible total: nothing withheld, or m >= 2 groups on k + m - 1 records. */
    private static void assertProtected(String what, Map<String, Object> total, List<Map<String, Object>> rows) {
        if (Boolean.TRUE.equals(total.get("suppressed"))) {
            return;
        }
        long withheld = rows.stream().filter(row -> Boolean.TRUE.equals(row.get("suppressed"))).count();
        long visibleRecords = rows.stream().filter(row -> !Boolean.TRUE.equals(row.get("suppressed")))
                .mapToLong(row -> ((Number) row.get("records")).longValue()).sum();
        long recovered = ((Number) total.get("records")).longValue() - visibleRecords;
        assertTrue(withheld != 1, what + ": a single withheld group is the total minus the others");
        // every withheld row has at least one record: below k + m - 1, the sum would bound each of them below k
        assertTrue(recovered == 0 ? withheld == 0 : recovered >= K + withheld - 1, what + ": the " + withheld
                + " withheld groups together rest on " + recovered + " records");
    }

    private static void assertWithheldHaveNoFigures(Map<String, Object> row) {
        if (Boolean.TRUE.equals(row.get("suppressed"))) {
            assertEquals(java.util.Set.of("keys", "suppressed"), row.keySet(), row.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> keys(Map<String, Object> row) {
        return (Map<String, Object>) row.get("keys");
    }

    private static void assertVisible(JsonPath stats, String prison, int records) {
        String row = "rows.find { it.keys.prisonId == '" + prison + "' }";
        assertEquals(false, stats.getBoolean(row + ".suppressed"), prison);
        assertEquals(records, stats.getInt(row + ".records"), prison);
        assertEquals(records, stats.getInt(row + ".best"), prison);
    }

    private static void assertWithheld(JsonPath stats, String prison) {
        String row = "rows.find { it.keys.prisonId == '" + prison + "' }";
        assertEquals(true, stats.getBoolean(row + ".suppressed"), prison);
        assertEquals(null, (Object) stats.get(row + ".records"), prison);
    }

    private static void casualties(String prisonId, String date, int count, String confidentiality) {
        String incident = Fixtures.incidentOn(prisonId, date, "PUBLIC");
        for (int i = 0; i < count; i++) {
            StatisticsTest.casualty(Role.ADMIN, incident, "KILLED", Map.of("min", 1, "best", 1, "max", 1),
                    confidentiality, "REPORTED", null);
        }
    }
}
