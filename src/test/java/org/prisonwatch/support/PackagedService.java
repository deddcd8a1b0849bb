package org.prisonwatch.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application run as a separate process, for tests of what only a real start shows (restarts, files
 * on disk). It listens on free ports; REST Assured is pointed at it until the next start.
 */
public final class PackagedService implements AutoCloseable {

    private final Process process;

    private PackagedService(Process process) {
        this.process = process;
    }

    /**
     * Starts target/quarkus-app and waits until it is ready.
     *
     * @param log a file name under target/ for its output
     * @param environment variables to set; a null value removes the variable
     * @param looseUmask whether to start it under umask 000, as a careless machine would
     */
    public static PackagedService start(String log, Map<String, String> environment, boolean looseUmask)
            throws IOException, InterruptedException {
        int port;
        int managementPort;
        try (ServerSocket socket = new ServerSocket(0); ServerSocket management = new ServerSocket(0)) {
            port = socket.getLocalPort();
            managementPort = management.getLocalPort();
        }
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the application first: " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = (looseUmask
                ? new ProcessBuilder("sh", "-c", "umask 000 && exec \"$0\" -jar \"$1\"", java, jar.toString())
                : new ProcessBuilder(java, "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(Path.of("target", log).toFile());
        builder.environment().put("PRISONWATCH_PORT", Integer.toString(port));
        builder.environment().put("PRISONWATCH_MANAGEMENT_PORT", Integer.toString(managementPort));
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        io.restassured.RestAssured.port = port;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "the service exited; see target/" + log);
            try {
                if (given().get("http://127.0.0.1:" + managementPort + "/q/health/ready").statusCode() == 200) {
                    return new PackagedService(process);
                }
            } catch (Exception notYetListening) {
                // keep polling
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("the service did not become ready; see target/" + log);
    }

    /**
     * Kills the process at once (SIGKILL), as a crash or an out-of-memory killer would: no shutdown hook runs and
     * nothing is flushed or finished on the way out.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the service outlived SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
