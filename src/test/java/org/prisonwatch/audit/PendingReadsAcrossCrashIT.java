package org.prisonwatch.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.PackagedService;

/**
 * The packaged application, killed with SIGKILL while reads of identifying data are still pending (the linker's
 * interval is an hour), then started again on the same database (a fresh H2 file, or the PostgreSQL that
 * PRISONWATCH_DB_* names): every read the first life answered is in the database, and the second life links each
 * into the chain before it answers anything.
 *
 * <p>The H2 file is opened with WRITE_DELAY=0, as the service opens its embedded database. With H2's default a
 * committed transaction reaches the file up to half a second later, and a process killed before that loses it (this
 * test, without it, lost the last read before the kill).
 */
class PendingReadsAcrossCrashIT {

    private static final String ADMIN_KEY = "test-bootstrap-admin-key-0123456789abcdef";
    private static final int CASUALTIES = 3;

    private static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    private static String created(String key, String collection, Map<String, Object> body) {
        return as(key).body(body).post("/api/v1/" + collection).then().statusCode(201).extract().path("id");
    }

    @Test
    void readsPendingWhenTheServiceIsKilledAreInTheDatabaseAndLinkedAtTheNextStart() throws Exception {
        // A shared database (PostgreSQL in CI) already holds the suite's chain, hashed with the test profile's key
        // and tampered with on purpose by its tests, so "intact" cannot be asked of it there. Run it against a
        // database of its own (the embedded file it makes, or a fresh PRISONWATCH_DB_URL with that variable set).
        Assumptions.assumeTrue(configuredUrl() == null || System.getenv("PRISONWATCH_IT_OWN_DATABASE") != null,
                "needs a database of its own");
        Path dataDir = Files.createTempDirectory("prisonwatch-pending-reads-");
        Map<String, String> environment = new HashMap<>(Map.of("PRISONWATCH_DATA_DIR", dataDir.toString(),
                "PRISONWATCH_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY, "PRISONWATCH_AUDIT_LINK_EVERY", "1h"));
        if (configuredUrl() == null) {
            environment.put("PRISONWATCH_DB_URL", h2Url(dataDir) + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0");
        }

        String analystId;
        List<String> casualties = new ArrayList<>();
        String source;
        PackagedService first = PackagedService.start("pending-reads-it-life-1.log", environment, false);
        try {
            JsonPath analyst = as(ADMIN_KEY).body(Map.of("name", "crash analyst " + UUID.randomUUID(), "role",
                    "ANALYST")).post("/api/v1/admin/api-keys").then().statusCode(201).extract().jsonPath();
            analystId = analyst.getString("id");
            String analystKey = analyst.getString("key");
            String incident = created(ADMIN_KEY, "incidents", Map.of("type", "COMBAT_CASUALTIES", "title",
                    "Crash " + UUID.randomUUID(), "occurredFrom", "2025-09-01"));
            for (int i = 0; i < CASUALTIES; i++) {
                Map<String, Object> casualty = new HashMap<>(Map.of("incidentId", incident, "outcome", "KILLED",
                        "group", "CONSCRIPTED_INMATE", "count", Map.of("best", 1)));
                casualty.put("person", Map.of("name", "Crash person " + i));
                casualties.add(created(ADMIN_KEY, "casualties", casualty));
            }
            source = created(ADMIN_KEY, "sources", Map.of("name", "Crash source " + UUID.randomUUID(), "kind",
                    "WITNESS", "contact", "Signal +95 9 111 111"));

            for (String casualty : casualties) {
                as(analystKey).get("/api/v1/casualties/" + casualty).then().statusCode(200)
                        .body("person.name", org.hamcrest.Matchers.startsWith("Crash person"));
            }
            as(analystKey).queryParam("incidentId", incident).get("/api/v1/casualties").then().statusCode(200)
                    .body("items.size()", equalTo(CASUALTIES));
            as(analystKey).get("/api/v1/sources/" + source).then().statusCode(200)
                    .body("contact", equalTo("Signal +95 9 111 111"));
        } finally {
            first.kill();
        }

        try (Connection db = connect(dataDir)) {
            for (String casualty : casualties) {
                assertEquals(2, count(db, "select count(*) from audit_pending_read where actor_key_id = ? and "
                        + "entity_id = ? and action = 'READ_PERSON' and entity = 'Casualty' and record_version = 1",
                        analystId, casualty), "the read and the list of " + casualty + " were answered, so recorded");
            }
            assertEquals(1, count(db, "select count(*) from audit_pending_read where actor_key_id = ? and "
                    + "entity_id = ? and action = 'READ_CONTACT' and entity = 'Source'", analystId, source));
            assertEquals(0, count(db, "select count(*) from audit_entry where actor_key_id = ?", analystId),
                    "nothing was linked before the kill");
        }

        try (PackagedService second = PackagedService.start("pending-reads-it-life-2.log", environment, false)) {
            // the first write of this life: every read linked at start comes before it in the chain
            String prison = created(ADMIN_KEY, "prisons", Map.of("name", "After the crash " + UUID.randomUUID(),
                    "stateRegion", "Kachin"));
            int prisonSeq = as(ADMIN_KEY).queryParam("entityId", prison).get("/api/v1/audit").then().statusCode(200)
                    .extract().path("items[0].seq");

            JsonPath reads = as(ADMIN_KEY).queryParam("actorKeyId", analystId).queryParam("limit", 500)
                    .get("/api/v1/audit").then().statusCode(200)
                    .body("items.recordVersion", everyItem(equalTo(1))).extract().jsonPath();
            List<String> personReads = reads.getList("items.findAll { it.action == 'READ_PERSON' }.entityId");
            assertEquals(2 * CASUALTIES, personReads.size(), personReads.toString());
            for (String casualty : casualties) {
                assertEquals(2, personReads.stream().filter(casualty::equals).count(), casualty);
            }
            assertEquals(List.of(source), reads.getList("items.findAll { it.action == 'READ_CONTACT' }.entityId"));
            List<Integer> seqs = reads.getList("items.seq");
            assertTrue(seqs.stream().allMatch(seq -> seq < prisonSeq), "linked at start, before the first write "
                    + "of the new life (entry " + prisonSeq + "): " + seqs);

            as(ADMIN_KEY).get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
            Map<String, Object> checkpoint = as(ADMIN_KEY).get("/api/v1/audit/checkpoint").then().statusCode(200)
                    .extract().jsonPath().getMap("");
            as(ADMIN_KEY).body(checkpoint).post("/api/v1/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(true));
        }

        try (Connection db = connect(dataDir)) {
            assertEquals(0, count(db, "select count(*) from audit_pending_read where actor_key_id = ?", analystId));
            assertEquals(2L * CASUALTIES + 1, count(db, "select count(*) from audit_entry where actor_key_id = ?",
                    analystId));
        }
    }

    /** The database the packaged service uses: the one PRISONWATCH_DB_URL names, or its embedded H2 file. */
    private static Connection connect(Path dataDir) throws SQLException {
        return configuredUrl() != null ? DriverManager.getConnection(configuredUrl(), System.getenv("PRISONWATCH_DB_USER"),
                System.getenv("PRISONWATCH_DB_PASSWORD")) : DriverManager.getConnection(h2Url(dataDir), "sa", "");
    }

    /** The database the build was tested against (PostgreSQL in CI), when PRISONWATCH_DB_URL names one. */
    private static String configuredUrl() {
        String url = System.getenv("PRISONWATCH_DB_URL");
        return url == null || url.isBlank() ? null : url;
    }

    private static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("prisonwatch");
    }

    private static long count(Connection db, String sql, String... ids) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < ids.length; i++) {
                statement.setObject(i + 1, UUID.fromString(ids[i]));
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
