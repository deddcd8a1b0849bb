package org.prisonwatch.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With no export slot free, an export is a 429 problem while pages still answer; a HEAD takes no slot and runs
 * no export.
 */
@QuarkusTest
@TestProfile(ExportLimitsTest.NoSlots.class)
class ExportLimitsTest {

    public static class NoSlots implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("prisonwatch.export.max-concurrent", "0");
        }
    }

    @Test
    void aFullInstanceRefusesExportsButNotPages() {
        given().accept("text/csv").get("/api/v1/incidents").then().statusCode(429)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("detail", startsWith("0 exports are running"));
        given().accept("application/geo+json").get("/api/v1/prisons").then().statusCode(429);
        given().accept("application/json").get("/api/v1/incidents").then().statusCode(200);
    }

    @Test
    void headGivesTheHeadersOfAnExportWithoutRunningOne() {
        given().accept("text/csv").head("/api/v1/incidents").then().statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"incidents.csv\""))
                .body(emptyString());
    }
}
