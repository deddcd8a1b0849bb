package org.prisonwatch.demo;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.prisonwatch.support.Api.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Database;

@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
class DemoDataTest {

    public static class WithDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("prisonwatch.demo-data", "true");
        }
    }

    @Inject
    DemoData demoData;

    @Inject
    Database db;

    @Test
    void theSeedCasesAreServed() {
        api().queryParam("stateRegion", "Kachin").queryParam("sort", "name").get("/api/v1/prisons").then()
                .statusCode(200).body("items.name", contains("Banmaw Prison", "Myitkyina Prison"));
        api().queryParam("q", "bhamo").get("/api/v1/prisons").then().body("items.name", contains("Banmaw Prison"));
        api().queryParam("type", "AMNESTY_RELEASE").get("/api/v1/incidents").then()
                .body("items", hasSize(1))
                .body("items[0].occurredFrom", equalTo("2026-01-04"))
                .body("items[0].peopleAffected.best", equalTo(6140))
                .body("items[0].citations", hasSize(2));
        api().queryParam("inducement", "RANK_REINSTATEMENT").get("/api/v1/armed-inmate-reports").then()
                .body("items", hasSize(2)).body("items[0].inducements", hasItem("SENTENCE_REDUCTION"));
        api().queryParam("from", "2025-01-01").queryParam("to", "2025-12-31").queryParam("type", "COMBAT_CASUALTIES")
                .get("/api/v1/incidents").then().body("items", hasSize(1));
        api().get("/api/v1/casualties").then().body("items.group", contains("CONSCRIPTED_INMATE", "RESISTANCE"));
    }

    @Test
    void loadingAgainIntoAFilledDatabaseAddsNothing() {
        assertFalse(demoData.load());
        assertEquals(2, db.count("select count(*) from prison"));
        assertEquals(3, db.count("select count(*) from source"));
    }
}
