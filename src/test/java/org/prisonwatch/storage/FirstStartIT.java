package org.prisonwatch.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.PackagedService;

/**
 * A newcomer's first start, packaged, on a new embedded database without any key: a short log that says which
 * schema it is at and how to get a first key, and nothing that looks like a failure.
 */
class FirstStartIT {

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
