package org.prisonwatch.api;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.prisonBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Keys;
import org.prisonwatch.support.RawHttp;
import org.prisonwatch.support.StallingAuditLog;

/**
 * Idle and slow clients are cut off, a 2G-speed upload is not, and a configured public base URL is what Location
 * and Link carry. Set through the PRISONWATCH_* names an operator uses, with short times so the test is quick.
 */
@QuarkusTest
@TestProfile(SlowClientsTest.ShortTimes.class)
class SlowClientsTest {

    static final String PUBLIC_BASE_URL = "https://records.example.org/prisonwatch";

    public static class ShortTimes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // grace < a stalled handler (3.5 s) < idle timeout, so that a slow handler would be cut off by the
            // upload check, were it wrongly applied, and not by the idle timeout
            return Map.of("PRISONWATCH_IDLE_TIMEOUT", "6S", "PRISONWATCH_MIN_UPLOAD_RATE", "1000",
                    "PRISONWATCH_MIN_UPLOAD_RATE_GRACE", "1S", "PRISONWATCH_PUBLIC_BASE_URL", PUBLIC_BASE_URL + "/");
        }
    }

    @Test
    void aConnectionThatSentHalfARequestAndWentQuietIsClosedAfterTheIdleTimeout() throws Exception {
        try (RawHttp connection = RawHttp.open(Duration.ofSeconds(15))) {
            connection.send("POST /api/v1/prisons HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n");
            RawHttp.Reply reply = connection.reply();
            assertTrue(reply.closed(), "still open after " + reply.after());
            assertTrue(reply.after().compareTo(Duration.ofSeconds(10)) < 0, "closed only after " + reply.after());
        }
    }

    @Test
    void aBodyTrickledBelowTheMinimumRateIsCutOffWhileAn2gSpeedUploadCompletes() throws Exception {
        String json = "{\"name\":\"" + unique("Slow") + "\",\"stateRegion\":\"Kachin\",\"kind\":\"PRISON\"}";
        byte[] body = (json + " ".repeat(6000)).getBytes(StandardCharsets.UTF_8);

        try (RawHttp trickle = RawHttp.open(Duration.ofSeconds(20))) {
            trickle.send(head(body.length));
            for (int sent = 0; sent < body.length && trickle.send(slice(body, sent, 5)); sent += 5) {
                Thread.sleep(100); // 50 bytes a second
            }
            RawHttp.Reply reply = trickle.reply();
            assertEquals(408, reply.status(), reply.text());
            assertTrue(reply.body().contains("urn:prisonwatch:problem:request-timeout"), reply.text());
            assertTrue(reply.after().compareTo(Duration.ofSeconds(8)) < 0, "cut off only after " + reply.after());
        }

        try (RawHttp twoG = RawHttp.open(Duration.ofSeconds(20))) {
            twoG.send(head(body.length));
            // 2 kB a second, by the clock: a sleep that overruns is made up, so the average never falls toward the
            // 1 kB a second floor however loaded the machine (6 kB take 3 s, past the grace period)
            long started = System.nanoTime();
            for (int sent = 0; sent < body.length; sent += 200) {
                assertTrue(twoG.send(slice(body, sent, 200)), "cut off after " + sent + " bytes");
                long due = started + TimeUnit.MILLISECONDS.toNanos(100L * (sent / 200 + 1));
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime())));
            }
            RawHttp.Reply reply = twoG.reply();
            assertEquals(201, reply.status(), reply.text());
            assertFalse(reply.text().isEmpty());
        }
    }

    /**
     * A slow handler is not a slow upload: a small body that has fully arrived, or no body at all, is answered
     * normally however long past the grace period (2 s) the handler takes. The write is held at the audit log.
     */
    @Test
    void aCompleteBodyOrNoBodyWithASlowHandlerGetsItsNormalAnswer() throws Exception {
        String id = prison(unique("SlowHandler"));
        assertEquals(200, afterAStall(id, () -> api().header("If-Match", "\"1\"")
                .body(prisonBody(unique("SlowHandler"))).put("/api/v1/prisons/" + id).statusCode()));
        assertEquals(204, afterAStall(id, () -> api().header("If-Match", "\"2\"")
                .delete("/api/v1/prisons/" + id).statusCode()));
    }

    /** The status of the call, whose write to the record is held well past the grace period. */
    private static int afterAStall(String recordId, Supplier<Integer> call) throws Exception {
        StallingAuditLog.Gate gate = StallingAuditLog.closeOn(UUID.fromString(recordId));
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(call);
        try {
            gate.awaitStalled();
            Thread.sleep(3500);
        } finally {
            gate.release();
        }
        return slow.get();
    }

    @Test
    void locationAndLinkStartWithTheConfiguredPublicBaseUrlWhateverTheHostHeaderSays() {
        String region = unique("Public");
        prison(region);
        prison(region);
        api().header("Host", "evil.example").body(prisonBody(region)).post("/api/v1/prisons").then()
                .statusCode(201).header("Location", startsWith(PUBLIC_BASE_URL + "/api/v1/prisons/"));
        api().header("Host", "evil.example").queryParam("stateRegion", region).queryParam("limit", 1)
                .get("/api/v1/prisons").then().statusCode(200)
                .header("Link", startsWith("<" + PUBLIC_BASE_URL + "/api/v1/prisons?"));
    }

    private static String head(int length) {
        return "POST /api/v1/prisons HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Keys.BOOTSTRAP_ADMIN
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + length
                + "\r\n\r\n";
    }

    private static byte[] slice(byte[] body, int from, int length) {
        return java.util.Arrays.copyOfRange(body, from, Math.min(body.length, from + length));
    }
}
