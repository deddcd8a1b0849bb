package org.prisonwatch.idempotency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.PackagedService;

/**
 * The packaged application, started, stopped and started again as a separate process on the same database
 * (a fresh H2 file, or the PostgreSQL that PRISONWATCH_DB_* names): a retry that reaches the second life of the
 * service still gets the first response.
 */
class IdempotencyAcrossRestartIT {

    private static final String ADMIN_KEY = "test-bootstrap-admin-key-0123456789abcdef";

    @Test
    void aRetryAfterARestartStillReplaysTheFirstResponse() throws Exception {
        Path dataDir = Files.createTempDirectory("prisonwatch-restart-");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("type", "COMBAT_CASUALTIES", "title", "Restart " + key,
                "occurredFrom", "2025-09-01");

        Response first;
        Map<String, String> environment = Map.of("PRISONWATCH_DATA_DIR", dataDir.toString(),
                "PRISONWATCH_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        try (PackagedService service = PackagedService.start("restart-it-life-1.log", environment, false)) {
            first = post(key, body);
            assertEquals(201, first.statusCode(), first.asString());
        }

        try (PackagedService service = PackagedService.start("restart-it-life-2.log", environment, false)) {
            Response retry = post(key, body);
            assertEquals(201, retry.statusCode(), retry.asString());
            assertEquals("true", retry.header("Idempotent-Replayed"));
            assertEquals(first.header("Location"), retry.header("Location"));
            assertEquals(first.jsonPath().getMap(""), retry.jsonPath().getMap(""));
            int matching = given().header("Authorization", "Bearer " + ADMIN_KEY)
                    .queryParam("q", "Restart " + key).get("/api/v1/incidents").then().statusCode(200)
                    .extract().path("items.size()");
            assertEquals(1, matching, "the retry created nothing");
        }
    }

    private static Response post(String key, Map<String, Object> body) {
        return given().header("Authorization", "Bearer " + ADMIN_KEY).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/incidents");
    }
}
