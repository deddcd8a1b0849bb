import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes the package's class-data-sharing archive, {@code target/quarkus-app/app-cds.jsa}, from a training run: the
 * packaged service is started once with {@code -XX:ArchiveClassesAtExit}, on a throwaway database with the demo
 * cases, answers the reads a client makes first, and is stopped. The JVM then writes every class it loaded, parsed
 * and verified, and a service started with {@code -XX:SharedArchiveFile} maps them instead of loading them again.
 *
 * <p>Run by the build after packaging (pom.xml, {@code app-cds} execution; {@code -Dcds.skip} leaves it out) with
 * the JDK's single-file launcher: {@code java src/build/AppCdsTraining.java target/quarkus-app}.
 *
 * <p>Why a whole run rather than Quarkus's own {@code quarkus.package.jar.appcds}: that one stops after static
 * initialisation, so the classes of starting (Hibernate, Flyway, the HTTP server) and of the first requests are not
 * in it; on a two-core machine a start took 7.1 s without an archive, 6.3 s with Quarkus's, 5.9 s with this one.
 *
 * <p>The archive names the jar by its absolute path (the JVM checks the class path it was made with), so it serves
 * this package wherever the command is run from, and no copy moved elsewhere. A PostgreSQL package needs a
 * database to start: it is trained only when {@code PRISONWATCH_CDS_DB_URL} (with {@code _USER} and
 * {@code _PASSWORD}) names a scratch one, never the database of {@code PRISONWATCH_DB_URL}, which may be
 * production's; without it the build leaves no archive and says so.
 */
public class AppCdsTraining {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(2);
    /** What a client reads first: the index, then first pages (anonymous, so no key is needed). */
    private static final List<String> FIRST_READS = List.of("/api/v1", "/api/v1/prisons?limit=5",
            "/api/v1/incidents?limit=5", "/api/v1/armed-inmate-reports?limit=5", "/api/v1/sources?limit=5",
            "/api/v1/prisons?q=Banmaw", "/report/");

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: AppCdsTraining <quarkus-app directory>");
        }
        Path app = Path.of(args[0]).toAbsolutePath().normalize();
        Path jar = app.resolve("quarkus-run.jar");
        Path archive = app.resolve("app-cds.jsa");
        Files.deleteIfExists(archive);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no package at " + jar);
        }
        String kind = System.getenv().getOrDefault("PRISONWATCH_DB_KIND", "h2");
        Map<String, String> database = database(kind);
        if (database == null) {
            System.out.println("[app-cds] no archive: a " + kind + " package trains on a scratch database named by"
                    + " PRISONWATCH_CDS_DB_URL, _USER and _PASSWORD; the service starts without one, more slowly");
            return;
        }

        Path work = app.getParent().resolve("app-cds-training");
        deleteRecursively(work);
        Files.createDirectories(work);
        Path log = work.resolve("training.log");
        int port = freePort();
        int managementPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-XX:ArchiveClassesAtExit=" + archive,
                "-XX:+UseSerialGC", "-jar", jar.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PRISONWATCH_"));
        env.putAll(database);
        env.put("PRISONWATCH_DB_KIND", kind);
        env.put("PRISONWATCH_DATA_DIR", work.resolve("data").toString());
        env.put("PRISONWATCH_KEYS_DIR", work.resolve("data/keys").toString());
        env.put("PRISONWATCH_HOST", "127.0.0.1");
        env.put("PRISONWATCH_PORT", String.valueOf(port));
        env.put("PRISONWATCH_MANAGEMENT_PORT", String.valueOf(managementPort));
        // the demo cases are written through the journal at start: the write path's classes are archived too
        env.put("PRISONWATCH_DEMO_DATA", "true");

        long started = System.nanoTime();
        Process service = builder.start();
        try {
            readFirstPages(service, "http://127.0.0.1:" + port, log);
        } catch (Exception e) {
            service.destroyForcibly();
            throw e;
        }
        // a normal exit (SIGTERM) is when the JVM writes the archive
        service.destroy();
        if (!service.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            service.destroyForcibly();
            throw new IllegalStateException("the training run did not stop; see " + log);
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no archive; see " + log);
        }
        System.out.printf("[app-cds] %s: %,d MB, trained on %s in %.1f s%n", archive, Files.size(archive) >> 20,
                kind, (System.nanoTime() - started) / 1e9);
        deleteRecursively(work);
    }

    /** The training run's database: a fresh embedded one, or the scratch PostgreSQL database given; null if none. */
    private static Map<String, String> database(String kind) {
        if (kind.equals("h2")) {
            return Map.of(); // the default: an H2 file under the training run's own data directory
        }
        String url = System.getenv("PRISONWATCH_CDS_DB_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return Map.of("PRISONWATCH_DB_URL", url,
                "PRISONWATCH_DB_USER", System.getenv().getOrDefault("PRISONWATCH_CDS_DB_USER", ""),
                "PRISONWATCH_DB_PASSWORD", System.getenv().getOrDefault("PRISONWATCH_CDS_DB_PASSWORD", ""));
    }

    private static void readFirstPages(Process service, String base, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (status(http, base + FIRST_READS.get(0)) != 200) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the training run did not start; see " + log);
            }
            Thread.sleep(100);
        }
        for (String path : FIRST_READS) {
            int status = status(http, base + path);
            if (status != 200) {
                throw new IllegalStateException("the training run answered " + status + " to GET " + path
                        + "; see " + log);
            }
        }
    }

    private static int status(HttpClient http, String url) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
