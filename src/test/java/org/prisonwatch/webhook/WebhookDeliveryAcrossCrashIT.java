package org.prisonwatch.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.PackagedService;
import org.prisonwatch.support.WebhookReceiver;
import org.prisonwatch.support.WebhookReceiver.Received;

/**
 * Delivery is at least once: the packaged service is killed with SIGKILL while a delivery is in flight (the
 * receiver holds the request), and started again on the same database. Every event arrives; only the one in
 * flight at the kill arrives twice, with the same webhook-id, so a receiver that deduplicates by id holds each
 * event exactly once, in the order of the writes. It runs on the embedded database in a fresh data directory, or
 * on the PostgreSQL that PRISONWATCH_DB_* names (its own records are all it looks at).
 */
class WebhookDeliveryAcrossCrashIT {

    private static final String ADMIN_KEY = "test-bootstrap-admin-key-0123456789abcdef";
    private static final int EVENTS = 5;
    private static final int IN_FLIGHT = 3;

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.JSON);
    }

    @Test
    void aDeliveryInFlightAtAKillIsSentAgainWithItsIdAndNothingIsLostOrRepeatedOtherwise() throws Exception {
        Path dataDir = Files.createTempDirectory("prisonwatch-webhook-crash-");
        Map<String, String> environment = new HashMap<>(Map.of("PRISONWATCH_DATA_DIR", dataDir.toString(),
                "PRISONWATCH_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY, "PRISONWATCH_WEBHOOK_ALLOW_PRIVATE_TARGETS", "true",
                "PRISONWATCH_WEBHOOK_TIMEOUT", "3s", "PRISONWATCH_WEBHOOK_CLAIM_FOR", "9s",
                "PRISONWATCH_WEBHOOK_RETRY_SCHEDULE", "0s,200ms,200ms,200ms,200ms"));
        if (System.getenv("PRISONWATCH_DB_URL") != null) {
            // the suite's database: its audit chain is keyed with the test profile's keys, which this life must share
            environment.put("PRISONWATCH_KEYS_DIR", Path.of("target", "test-keys").toAbsolutePath().toString());
        }
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.holdAt(IN_FLIGHT);
            List<String> prisons = new ArrayList<>();
            PackagedService first = PackagedService.start("webhook-crash-it-life-1.log", environment, false);
            try {
                JsonPath subscription = admin().body(Map.of("url", receiver.url("/crash"), "entities",
                        List.of("PRISON"))).post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
                receiver.trusting(subscription.getString("secret"));
                for (int i = 0; i < EVENTS; i++) {
                    prisons.add(admin().body(Map.of("name", "Crash " + i + " " + UUID.randomUUID(), "stateRegion",
                            "Kachin")).post("/api/v1/prisons").then().statusCode(201).extract().path("id"));
                }
                for (int i = 0; i < 300 && receiver.arrivals() < IN_FLIGHT; i++) {
                    Thread.sleep(10);
                }
                assertEquals(IN_FLIGHT, receiver.arrivals(), "the third delivery is in flight, the later ones wait");
            } finally {
                first.kill();
            }
            receiver.release();

            try (PackagedService second = PackagedService.start("webhook-crash-it-life-2.log", environment, false)) {
                List<Received> got = receiver.await(Duration.ofSeconds(60), all -> prisons.stream().allMatch(
                        id -> all.stream().anyMatch(r -> id.equals(r.recordId()) && r.answered() == 204)));
                assertTrue(got.stream().allMatch(Received::verified), "every delivery is signed");
                Map<String, Long> timesById = got.stream().collect(Collectors.groupingBy(Received::webhookId,
                        Collectors.counting()));
                assertEquals(EVENTS, timesById.size(), "one webhook-id per event: " + timesById);
                String inFlight = got.stream().filter(r -> prisons.get(IN_FLIGHT - 1).equals(r.recordId()))
                        .findFirst().orElseThrow().webhookId();
                timesById.forEach((id, times) -> assertEquals(id.equals(inFlight) ? 2L : 1L, times,
                        id + " arrived " + times + " times"));
                // deduplicated by webhook-id, the events are the writes, once each, in order
                List<String> deduplicated = new ArrayList<>(got.stream().map(Received::webhookId)
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
                assertEquals(prisons, deduplicated.stream().map(id -> got.stream()
                        .filter(r -> r.webhookId().equals(id)).findFirst().orElseThrow().recordId()).toList());
            }
        }
    }
}
