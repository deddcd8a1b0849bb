package org.prisonwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs wrk (closed load: each connection sends its next request when the last one is answered) for throughput. */
final class Wrk {

    record Result(long requests, double seconds, long ok, long non2xx, long socketErrors,
            Map<String, Long> statuses) {

        double perSecond() {
            return requests / seconds;
        }

        double okPerSecond() {
            return ok / seconds;
        }

        long errors() {
            return non2xx + socketErrors;
        }
    }

    private final Path script;
    private final int threads;
    private final int connections;

    Wrk(Path script, int threads, int connections) {
        this.script = script;
        this.threads = threads;
        this.connections = connections;
    }

    int threads() {
        return threads;
    }

    Result run(String baseUrl, Path spec, Duration duration, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--timeout", "30s", "-s", script.toString(), baseUrl))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BENCH_SPEC", spec.toString());
        int exit = builder.start().waitFor();
        List<String> output = Files.readAllLines(log);
        String line = output.stream().filter(l -> l.startsWith("BENCH_RESULT")).findFirst().orElseThrow(() ->
                new IllegalStateException("wrk exited with " + exit + " and no result; see " + log + ":\n"
                        + String.join("\n", output)));
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.substring("BENCH_RESULT ".length()).split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        Map<String, Long> statuses = new TreeMap<>();
        output.stream().filter(l -> l.startsWith("BENCH_STATUS ")).map(l -> l.split(" "))
                .forEach(s -> statuses.put(s[1], Long.parseLong(s[2])));
        long socket = values.get("connect") + values.get("read") + values.get("write") + values.get("timeout");
        if (socket > 0) {
            statuses.put("socket", socket);
        }
        return new Result(values.get("requests"), values.get("duration_us") / 1e6, values.get("ok"),
                values.get("non2xx"), socket, statuses);
    }
}
