package org.prisonwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java service started as a process of its own: how long from starting the process to its first 200 on a given
 * path, and its resident memory as /proc reports it.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    final double secondsToFirstRequest;
    final long rssAtStartKb;
    final Path log;

    private ServiceProcess(Process process, double secondsToFirstRequest, Path log) {
        this.process = process;
        this.secondsToFirstRequest = secondsToFirstRequest;
        this.log = log;
        this.rssAtStartKb = rssKb();
    }

    static ServiceProcess start(List<String> command, Map<String, String> env, Path workDir, Path log,
            String firstRequestUrl, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest first = HttpRequest.newBuilder(URI.create(firstRequestUrl)).timeout(Duration.ofSeconds(10))
                .GET().build();
        long started = System.nanoTime();
        Process process = builder.start();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log
                        + ":\n" + tail(log));
            }
            try {
                if (probe.send(first, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    Thread.sleep(200);
                    if (!process.isAlive()) {
                        // another process answered on our port, and ours could not bind it
                        throw new IllegalStateException("the service exited after " + firstRequestUrl
                                + " answered 200 (from another process?); see " + log + ":\n" + tail(log));
                    }
                    return new ServiceProcess(process, seconds, log);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        process.destroyForcibly();
        throw new IllegalStateException("no 200 from " + firstRequestUrl + " within " + timeout + "; see " + log
                + ":\n" + tail(log));
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size of the process now, from /proc/PID/status (VmRSS). */
    long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the RSS of " + process.pid(), e);
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The line of the log that says why the process ended, as far as it says. */
    static String lastFailure(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (line.contains("Terminating due to") || line.contains("OutOfMemoryError")
                        || line.contains("ERROR")) {
                    return line.strip();
                }
            }
            return "no reason in " + log;
        } catch (IOException e) {
            return "no log";
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
