package org.prisonwatch.idempotency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

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
        Process service = start(dataDir, 1);
        try {
            first = post(key, body);
            assertEquals(201, first.statusCode(), first.asString());
        } finally {
            stop(service);
        }

        service = start(dataDir, 2);
        try {
            Response retry = post(key, body);
            assertEquals(201, retry.statusCode(), retry.asString());
            assertEquals("true", retry.header("Idempotent-Replayed"));
            assertEquals(first.header("Location"), retry.header("Location"));
            assertEquals(first.jsonPath().getMap(""), retry.jsonPath().getMap(""));
            int matching = given().header("Authorization", "Bearer " + ADMIN_KEY)
                    .queryParam("q", "Restart " + key).get("/api/v1/incidents").then().statusCode(200)
                    .extract().path("items.size()");
            assertEquals(1, matching, "the retry created nothing");
        } finally {
            stop(service);
        }
    }

    private static Response post(String key, Map<String, Object> body) {
        return given().header("Authorization", "Bearer " + ADMIN_KEY).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/incidents");
    }

    private static Process start(Path dataDir, int life) throws IOException, InterruptedException {
        int port;
        int managementPort;
        try (ServerSocket socket = new ServerSocket(0); ServerSocket management = new ServerSocket(0)) {
            port = socket.getLocalPort();
            managementPort = management.getLocalPort();
        }
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the application first: " + jar);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "restart-it-life-" + life + ".log").toFile());
        builder.environment().put("PRISONWATCH_PORT", Integer.toString(port));
        builder.environment().put("PRISONWATCH_MANAGEMENT_PORT", Integer.toString(managementPort));
        builder.environment().put("PRISONWATCH_DATA_DIR", dataDir.toString());
        builder.environment().put("PRISONWATCH_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        Process process = builder.start();
        io.restassured.RestAssured.port = port;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "the service exited; see target/restart-it-life-" + life + ".log");
            try {
                if (given().get("http://127.0.0.1:" + managementPort + "/q/health/ready").statusCode() == 200) {
                    return process;
                }
            } catch (Exception notYetListening) {
                // keep polling
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("the service did not become ready; see target/restart-it-life-" + life + ".log");
    }

    private static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            service.destroyForcibly().waitFor();
        }
    }
}
