package org.prisonwatch.storage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Bytes;
import org.prisonwatch.support.PackagedService;

/**
 * The packaged service on its embedded database, started with a world-writable data directory and a umask that
 * lets everyone read new files, and a file key: afterwards the directory and its files are the owner's alone, no
 * stored name can be found in the files, and the database opens only with the key.
 */
class EmbeddedDatabaseAtRestIT {

    private static final String ADMIN_KEY = "test-bootstrap-admin-key-0123456789abcdef";

    @Test
    void theDatabaseFilesAreOwnerOnlyAndEncryptedWithTheKeyGivenAtStart() throws Exception {
        String kind = System.getenv("PRISONWATCH_DB_KIND");
        assumeTrue(kind == null || kind.equals("h2"), "the package was built for " + kind + ", not the embedded H2");
        Path dataDir = Files.createTempDirectory("prisonwatch-at-rest-");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        String fileKey = "k" + UUID.randomUUID().toString().replace("-", "");
        String planted = "Planted Witness " + UUID.randomUUID();

        Map<String, String> environment = new HashMap<>();
        environment.put("PRISONWATCH_DATA_DIR", dataDir.toString());
        environment.put("PRISONWATCH_KEYS_DIR", dataDir.resolveSibling(dataDir.getFileName() + "-keys").toString());
        environment.put("PRISONWATCH_DB_FILE_KEY", fileKey);
        environment.put("PRISONWATCH_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        environment.put("PRISONWATCH_DB_URL", null);
        environment.put("PRISONWATCH_DB_KIND", null);
        try (PackagedService service = PackagedService.start("at-rest-it.log", environment, true)) {
            given().header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.JSON)
                    .body(Map.of("name", planted, "stateRegion", "Kachin", "kind", "PRISON"))
                    .post("/api/v1/prisons").then().statusCode(201);
        }

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        List<Path> files;
        try (Stream<Path> listed = Files.list(dataDir)) {
            files = listed.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty());
        byte[] name = planted.getBytes(StandardCharsets.UTF_8);
        for (Path file : files) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file
                    .toString());
            assertFalse(Bytes.contains(Files.readAllBytes(file), name), "the name is readable in " + file);
        }

        String url = "jdbc:h2:file:" + dataDir.resolve("prisonwatch") + ";IFEXISTS=TRUE";
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "sa", "").close());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url + ";CIPHER=AES", "sa",
                "wrong-key-0123456789 ").close());
        try (Connection withKey = DriverManager.getConnection(url + ";CIPHER=AES", "sa", fileKey + " ");
                ResultSet rows = withKey.createStatement().executeQuery(
                        "select count(*) from prison where name = '" + planted + "'")) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1), "the key opens the database and the record is there");
        }
    }
}
