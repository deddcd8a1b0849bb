package org.prisonwatch.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Database;

/**
 * A database written before keyed hashing (two plain SHA-256 entries, loaded by a test-only migration), started
 * with a checkpoint key an administrator made and configured. Afterwards the database is put back as the standard
 * migrations leave it: the test-only migration stays applied otherwise, and a later start without it on the same
 * database (the packaged service of an IT, on a shared PostgreSQL) fails Flyway's validation.
 */
@QuarkusTest
@TestProfile(UpgradedChainTest.Upgraded.class)
class UpgradedChainTest {

    static final String LEGACY_HEAD = "ede0a374800507587082b75ec3d3a7f79a03486a184a859aadaaa9f853e8b6c3";
    static final Path KEY_FILE = Path.of("target", "test-configured-keys", "checkpoint.pem");
    private static final Path PUBLIC_DER = Path.of("target", "test-configured-keys", "checkpoint-public.der");

    /** Its own keys, and the legacy entries in the database before the service first starts on it. */
    public static class Upgraded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            writeConfiguredKey();
            String kind = System.getenv().getOrDefault("PRISONWATCH_DB_KIND", "h2");
            return Map.of("quarkus.flyway.locations", "db/migration/common,db/migration/" + kind + ",db/legacy-audit",
                    "prisonwatch.audit.checkpoint-key-file", KEY_FILE.toString(),
                    "prisonwatch.keys-dir", "target/test-keys-upgraded");
        }
    }

    @Inject
    Database db;

    /**
     * Cleans the database and migrates it with the standard locations only (read from target/classes: the
     * application's Flyway resolves every migration file it was built with, the test-only one included). The
     * scheduled jobs are stopped first and stay stopped: this application instance, started on the legacy chain,
     * has nothing more to write, and is shut down before the next test class runs.
     */
    @AfterAll
    static void putTheDatabaseBackAsTheStandardMigrationsLeaveIt() {
        Arc.container().instance(Scheduler.class).get().pause();
        String kind = System.getenv().getOrDefault("PRISONWATCH_DB_KIND", "h2");
        Flyway standard = Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(Arc.container().instance(AgroalDataSource.class).get())
                .locations("filesystem:target/classes/db/migration/common",
                        "filesystem:target/classes/db/migration/" + kind)
                .cleanDisabled(false).load();
        standard.clean();
        standard.migrate();
        standard.validate();
        assertTrue(Arrays.stream(standard.info().applied()).noneMatch(m -> "1000".equals(m.getVersion().getVersion())),
                "the test-only migration is no longer recorded as applied");
    }

    @Inject
    ChainTampering tamper;

    @Test
    void legacyEntriesStayAsWrittenAndKeyedHashingStartsAtTheMarkAfterThem() {
        assertEquals(1, db.count("select count(*) from audit_entry where seq = 2 and hash = ?", LEGACY_HEAD));
        assertEquals(1, db.count("select count(*) from audit_entry where seq = 3 and action = 'CHAIN_KEYED' and "
                + "previous_hash = ?", LEGACY_HEAD));
        api().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true))
                .body("keyedFrom", equalTo(3));
    }

    @Test
    void checkpointsAreSignedWithTheConfiguredKey() throws Exception {
        Map<String, Object> checkpoint = api().get("/api/v1/audit/checkpoint").then().statusCode(200)
                .body("keyedFrom", equalTo(3)).extract().jsonPath().getMap("");
        byte[] der = Files.readAllBytes(PUBLIC_DER);
        assertEquals(Base64.getEncoder().encodeToString(der), checkpoint.get("publicKey"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)),
                checkpoint.get("keyId"));
        api().body(checkpoint).post("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    /**
     * Plain SHA-256 entries can be rewritten and rehashed by anyone, but the keyed mark after them links to the
     * last one, so the rewrite shows there.
     */
    @Test
    void aRewrittenLegacyEntryShowsAtTheMark() {
        Map<String, Object> checkpoint = api().get("/api/v1/audit/checkpoint").then().statusCode(200).extract()
                .jsonPath().getMap("");
        try (var undo = tamper.rewriteAndRehash(2, "DELETE")) {
            api().get("/api/v1/audit/verify").then().body("intact", equalTo(false)).body("firstBrokenSeq", equalTo(3));
            api().body(checkpoint).post("/api/v1/audit/verify").then().body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo(3));
        }
        api().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
    }

    /**
     * What {@code openssl genpkey -algorithm ed25519} writes: a PKCS#8 PEM, readable by its owner only. Made once
     * and kept, however often the profile is asked for its configuration.
     */
    private static synchronized void writeConfiguredKey() {
        if (Files.exists(PUBLIC_DER) && Files.exists(KEY_FILE)) {
            return;
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(KEY_FILE.getParent());
            Files.deleteIfExists(KEY_FILE);
            Files.createFile(KEY_FILE,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(KEY_FILE, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            Files.write(PUBLIC_DER, pair.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
