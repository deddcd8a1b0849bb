package org.prisonwatch.storage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.PackagedService;

/**
 * A newcomer's first start, packaged, on a new embedded database without any key: a short log that says which
 * schema it is at and how to get a first key, and nothing that looks like a failure.
 */
class FirstStartIT {

    /**
     * A stop (SIGTERM) lets what is running finish on an open database: H2's own exit hook once closed it under
     * a scheduled catch-up and logged failures. Reads run to the last moment so that the stop overlaps them.
     */
    @Test
    void aStopWhileReadsRunLogsNoFailure() throws Exception {
        String kind = System.getenv("PRISONWATCH_DB_KIND");
        assumeTrue(kind == null || kind.equals("h2"), "the package was built for " + kind + ", not the embedded H2");
        Map<String, String> environment = new HashMap<>();
        environment.put("PRISONWATCH_DATA_DIR", Files.createTempDirectory("prisonwatch-stop-").toString());
        environment.put("PRISONWATCH_KEYS_DIR", null);
        environment.put("PRISONWATCH_BOOTSTRAP_ADMIN_KEY", null);
        environment.put("PRISONWATCH_DEMO_DATA", "true");
        environment.put("PRISONWATCH_DB_URL", null);
        environment.put("PRISONWATCH_DB_KIND", null);

        AtomicBoolean stopping = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try (PackagedService service = PackagedService.start("stop-under-reads-it.log", environment, false)) {
            String base = "http://127.0.0.1:" + io.restassured.RestAssured.port;
            for (int i = 0; i < 4; i++) {
                readers.submit(() -> {
                    while (!stopping.get()) {
                        try {
                            given().get(base + "/api/v1/incidents?limit=5").then().statusCode(200);
                            answered.incrementAndGet();
                        } catch (Exception | AssertionError refusedWhileStopping) {
                            // a refused connection once the server stops listening is what a stop looks like
                        }
                    }
                });
            }
            Thread.sleep(1500); // past the first scheduled catch-up (every second)
        }
        stopping.set(true);
        readers.shutdown();
        assertTrue(readers.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(answered.get() > 0, "no read was answered before the stop");

        // Netty may warn of a connection accepted as its event loop stops: the network's part of a stop, not ours
        List<String> ours = Files.readAllLines(Path.of("target", "stop-under-reads-it.log")).stream()
                .filter(line -> !line.contains("[io.netty.bootstrap.ServerBootstrap]")).toList();
        String text = String.join("\n", ours);
        assertTrue(text.contains("stopped in"), "the service did not stop cleanly:\n" + text);
        for (String noise : List.of(" WARN ", " ERROR ", "already closed")) {
            assertFalse(text.contains(noise), "stopping under reads logs '" + noise + "':\n" + text);
        }
    }

    @Test
    void aFirstStartSaysHowToGetAFirstKeyAndLooksLikeNothingFailed() throws Exception {
        String kind = System.getenv("PRISONWATCH_DB_KIND");
        assumeTrue(kind == null || kind.equals("h2"), "the package was built for " + kind + ", not the embedded H2");
        Path dataDir = Files.createTempDirectory("prisonwatch-first-start-");
        Map<String, String> environment = new HashMap<>();
        environment.put("PRISONWATCH_DATA_DIR", dataDir.toString());
        environment.put("PRISONWATCH_KEYS_DIR", null);
        environment.put("PRISONWATCH_BOOTSTRAP_ADMIN_KEY", null);
        environment.put("PRISONWATCH_DEMO_DATA", null);
        environment.put("PRISONWATCH_DB_URL", null);
        environment.put("PRISONWATCH_DB_KIND", null);

        try (PackagedService service = PackagedService.start("first-start-it.log", environment, false)) {
            // started and ready: the log is complete as far as startup goes
        }

        List<String> log = Files.readAllLines(Path.of("target", "first-start-it.log"));
        String text = String.join("\n", log);
        assertTrue(text.contains("No admin key exists yet") && text.contains("PRISONWATCH_BOOTSTRAP_ADMIN_KEY"),
                "no word on how to get a first key:\n" + text);
        assertTrue(text.matches("(?s).*Database schema at version \\d+.*"), "no schema version:\n" + text);
        for (String noise : List.of("Migrating schema", "newer than the version Flyway", " WARN ", " ERROR ",
                "\tat ", "Exception")) {
            assertFalse(text.contains(noise), "the first start logs '" + noise + "':\n" + text);
        }
        assertTrue(log.size() <= 25, log.size() + " lines for a first start:\n" + text);
    }
}
