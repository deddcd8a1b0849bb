package org.prisonwatch.storage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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

        Process service = start(dataDir, fileKey);
        try {
            given().header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.JSON)
                    .body(Map.of("name", planted, "stateRegion", "Kachin", "kind", "PRISON"))
                    .post("/api/v1/prisons").then().statusCode(201);
        } finally {
            stop(service);
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
            assertFalse(contains(Files.readAllBytes(file), name), "the name is readable in " + file);
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

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Process start(Path dataDir, String fileKey) throws IOException, InterruptedException {
        int port;
        int managementPort;
        try (ServerSocket socket = new ServerSocket(0); ServerSocket management = new ServerSocket(0)) {
            port = socket.getLocalPort();
            managementPort = management.getLocalPort();
        }
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the application first: " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a loose umask: whatever H2 creates would be world-readable if the service did not see to it
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "umask 000 && exec \"$0\" -jar \"$1\"", java,
                jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "at-rest-it.log").toFile());
        builder.environment().put("PRISONWATCH_PORT", Integer.toString(port));
        builder.environment().put("PRISONWATCH_MANAGEMENT_PORT", Integer.toString(managementPort));
        builder.environment().put("PRISONWATCH_DATA_DIR", dataDir.toString());
        builder.environment().put("PRISONWATCH_KEYS_DIR", dataDir.resolveSibling(dataDir.getFileName() + "-keys")
                .toString());
        builder.environment().put("PRISONWATCH_DB_FILE_KEY", fileKey);
        builder.environment().put("PRISONWATCH_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        builder.environment().remove("PRISONWATCH_DB_URL");
        builder.environment().remove("PRISONWATCH_DB_KIND");
        Process process = builder.start();
        io.restassured.RestAssured.port = port;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "the service exited; see target/at-rest-it.log");
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
        throw new AssertionError("the service did not become ready; see target/at-rest-it.log");
    }

    private static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(30, TimeUnit.SECONDS)) {
            service.destroyForcibly().waitFor();
        }
    }
}
