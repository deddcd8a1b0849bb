package org.prisonwatch.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** --name value options, with the defaults src/bench/run documents. */
final class Options {

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("records", "10000");
        DEFAULTS.put("db", "both");
        DEFAULTS.put("duration", "10");
        DEFAULTS.put("warmup", "5");
        DEFAULTS.put("warmup-max", "90");
        DEFAULTS.put("threads", "2");
        DEFAULTS.put("connections", "32");
        DEFAULTS.put("rate", "50");
        DEFAULTS.put("workers", "16");
        DEFAULTS.put("feed-seconds", "120");
        DEFAULTS.put("bulk-lines", "100000");
        DEFAULTS.put("single-puts", "1000");
        DEFAULTS.put("index-path", "/api/v1");
        DEFAULTS.put("first-request-path", "/api/v1/prisons?limit=1");
        // free ports, chosen at start: fixed ones collide with whatever else runs on a shared machine
        DEFAULTS.put("port", "free");
        DEFAULTS.put("management-port", "free");
        DEFAULTS.put("reference-port", "free");
        DEFAULTS.put("seed", "42");
        DEFAULTS.put("rate-limit", "100000000");
        DEFAULTS.put("jvm-options", "-XX:+UseSerialGC -Xms64m -Xmx384m");
        DEFAULTS.put("work", "target/bench");
    }

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new Options(values);
    }

    boolean has(String name) {
        return values.containsKey(name) && !values.get(name).isBlank();
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing option --" + name);
        }
        return value;
    }

    int integer(String name) {
        return Integer.parseInt(get(name));
    }

    Path path(String name) {
        return Path.of(get(name)).toAbsolutePath();
    }

    List<String> kinds() {
        return switch (get("db")) {
            case "both" -> List.of("h2", "postgresql");
            case "h2" -> List.of("h2");
            case "postgresql" -> List.of("postgresql");
            default -> throw new IllegalArgumentException("--db is h2, postgresql or both");
        };
    }
}
