package org.prisonwatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Fixtures.prisonBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.http.HttpServer;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics are served on the management port only; the spec stays public; callers cannot add metric
 * labels. Its own profile, so that the made-up paths come before the real endpoints it then looks for.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.OwnApplication.class)
class ManagementInterfaceTest {

    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("prisonwatch.rate-limit.anonymous", "10000000");
        }
    }

    private static final Pattern RECORD_COUNTS = Pattern.compile("(?i).*(audit|record|prison|incident|casualt|source"
            + "|report|person|hibernate).*");

    /** Knows the management port actually bound (the test port is random). */
    @Inject
    HttpServer server;

    @Test
    void healthAndMetricsAreOnTheManagementPortOnlyWhileTheSpecStaysPublic() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
        given().get("/q/swagger-ui/").then().statusCode(200);

        given().get(management("/q/health/ready")).then().statusCode(200).body(containsString("UP"));
        given().get(management("/q/metrics")).then().statusCode(200).body(containsString("# TYPE jvm_"));
    }

    @Test
    void madeUpPathsAddNoMetricTagsAndRealEndpointsAreStillReported() {
        for (int i = 0; i < 200; i++) {
            switch (i % 5) {
                case 0 -> given().get("/api/v1/made-up-" + i).then().statusCode(404);
                case 1 -> given().header("Authorization", "Bearer pw_made-up").get("/made-up-" + i).then()
                        .statusCode(401);
                case 2 -> given().contentType("application/json").body("{}").post("/made-up-" + i).then()
                        .statusCode(404);
                case 3 -> given().options("/api/v1/prisons/x/made-up-" + i).then().statusCode(404);
                default -> given().get("/api/v1/prisons/made-up-" + i + "/history").then().statusCode(400);
            }
        }
        api().get("/api/v1/prisons").then().statusCode(200);
        api().get("/api/v1/changes").then().statusCode(200);

        String exposition = given().get(management("/q/metrics")).then().statusCode(200).extract().asString();
        assertFalse(exposition.contains("made-up"), "a caller's path became a metric tag");
        assertTrue(exposition.contains("uri=\"/api/v1/prisons\""), "a real endpoint dropped out of monitoring");
        assertTrue(exposition.contains("uri=\"/api/v1/changes\""), "a real endpoint dropped out of monitoring");

        List<String> names = Arrays.stream(exposition.split("\n")).filter(line -> !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).distinct().toList();
        assertTrue(names.stream().map(name -> name.replaceFirst("^prisonwatch_", ""))
                        .noneMatch(name -> RECORD_COUNTS.matcher(name).matches()),
                "a metric counts records: " + names);
    }

    @Test
    void theApplicationsOwnMetricsAndThePoolsAreReported() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = prisonBody(unique("Metrics"));
        for (int i = 0; i < 2; i++) {
            api().header("Idempotency-Key", key).body(body).post("/api/v1/prisons")
                    .then().statusCode(201);
        }
        api().get("/api/v1/changes").then().statusCode(200);

        given().options("/api/v1/incidents/by-ref/partner-ref-" + key).then().statusCode(200);

        String exposition = given().get(management("/q/metrics")).then().statusCode(200).extract().asString();
        assertFalse(exposition.contains("partner-ref-"), "a path as sent became a metric tag");
        assertFalse(exposition.contains("method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/api"),
                "creations are counted by collection");
        assertTrue(exposition.contains("uri=\"WRITE\""), "writes dropped out of monitoring");
        assertTrue(exposition.lines().anyMatch(line -> line.matches("prisonwatch_idempotent_replays_total [1-9].*")),
                "the replay was not counted");
        assertTrue(exposition.contains("prisonwatch_feed_lag_seconds_count "), "no feed lag");
        assertTrue(exposition.contains("agroal_active_count"), "no connection pool gauges");
    }

    private String management(String path) {
        return "http://127.0.0.1:" + server.getManagementPort() + path;
    }
}
