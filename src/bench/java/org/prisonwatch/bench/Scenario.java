package org.prisonwatch.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of request, described twice from the same data: as a spec for wrk's Lua script (src/bench/wrk/scenario.lua,
 * closed load, for throughput) and as a {@link RequestSource} for {@link OpenLoad} (constant rate, for latency).
 * Writes that need state (If-Match versions, feed cursors) keep it per client, from the responses.
 */
final class Scenario {

    /** A request to send. */
    record Request(String method, String path, String key, String body, Map<String, String> headers, String tag) {
    }

    /** Where the open-load driver takes its requests from; must be safe for concurrent use. */
    interface RequestSource {

        Request next();

        default void completed(Request request, HttpResponse<String> response) {
        }
    }

    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

    final String name;
    final String label;
    private final Map<String, String> spec = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    /** Incidents for PUT: one part for wrk's warm-up, one for its measured run, one for the open load. */
    private List<List<String>> putPools = List.of();
    private final RequestSource openSource;

    private Scenario(String name, String label, RequestSource openSource) {
        this.name = name;
        this.label = label;
        this.openSource = openSource;
    }

    RequestSource openSource() {
        return openSource;
    }

    /** GET one of the paths at random, with the key (null: anonymously). */
    static Scenario get(String name, String label, List<String> paths, String key) {
        Scenario s = new Scenario(name, label,
                () -> new Request("GET", paths.get(ThreadLocalRandom.current().nextInt(paths.size())), key, null,
                        Map.of(), "read"));
        s.spec.put("mode", "get");
        s.spec.put("auth", key == null ? "" : key);
        s.lists.put("paths", paths);
        return s;
    }

    /** POST the body (its {n} made unique) with a fresh Idempotency-Key each time. */
    static Scenario post(String name, String label, String path, String key, String bodyTemplate) {
        AtomicLong counter = new AtomicLong();
        String run = Long.toString(System.currentTimeMillis(), 36);
        Scenario s = new Scenario(name, label, () -> postRequest(path, key, bodyTemplate,
                "open-" + run + "-" + counter.incrementAndGet()));
        s.spec.put("mode", "post");
        s.spec.put("write_auth", key);
        s.spec.put("post_path", path);
        s.spec.put("body", bodyTemplate);
        return s;
    }

    /**
     * PUT the body over incidents of the pool with If-Match naming the version last seen. Each client edits its own
     * part of the pool, so no two clients race for a record.
     */
    static Scenario put(String name, String label, String prefix, String key, String bodyTemplate,
            List<String> pool) {
        int third = pool.size() / 3;
        ConcurrentLinkedQueue<String[]> open = new ConcurrentLinkedQueue<>();
        pool.subList(2 * third, pool.size()).forEach(id -> open.add(new String[] {id, "1"}));
        AtomicLong counter = new AtomicLong();
        Scenario s = new Scenario(name, label, new RequestSource() {
            @Override
            public Request next() {
                String[] entry = open.poll();
                if (entry == null) {
                    throw new IllegalStateException("every incident of the PUT pool is in flight: make the pool "
                            + "larger or the rate lower");
                }
                return new Request("PUT", prefix + entry[0], key,
                        bodyTemplate.replace("{n}", "open-" + counter.incrementAndGet()),
                        Map.of("If-Match", "\"" + entry[1] + "\""), entry[0]);
            }

            @Override
            public void completed(Request request, HttpResponse<String> response) {
                if (response != null && response.statusCode() == 200) {
                    response.headers().firstValue("ETag").ifPresent(etag ->
                            open.add(new String[] {request.tag(), etag.replace("\"", "")}));
                }
            }
        });
        s.spec.put("mode", "put");
        s.spec.put("auth", key);
        s.spec.put("put_prefix", prefix);
        s.spec.put("body", bodyTemplate);
        s.putPools = List.of(pool.subList(0, third), pool.subList(third, 2 * third));
        return s;
    }

    /**
     * 80 % reads (the paths, as the reader), 15 % writes (POST with an Idempotency-Key, as the writer), 5 % feed
     * polls (as the follower, from the cursor it reached, moving on with each page).
     */
    static Scenario mixed(String name, String label, List<String> reads, String readerKey, String postPath,
            String writerKey, String bodyTemplate, String feedPath, String followerKey, String feedCursor) {
        AtomicLong counter = new AtomicLong();
        AtomicReference<String> cursor = new AtomicReference<>(feedCursor);
        String run = Long.toString(System.currentTimeMillis(), 36);
        Scenario s = new Scenario(name, label, new RequestSource() {
            @Override
            public Request next() {
                int roll = ThreadLocalRandom.current().nextInt(100);
                if (roll < 80) {
                    return new Request("GET", reads.get(ThreadLocalRandom.current().nextInt(reads.size())),
                            readerKey, null, Map.of(), "read");
                }
                if (roll < 95) {
                    return postRequest(postPath, writerKey, bodyTemplate, "mixed-" + run + "-"
                            + counter.incrementAndGet());
                }
                return new Request("GET", feedPath + "&after=" + cursor.get(), followerKey, null, Map.of(), "feed");
            }

            @Override
            public void completed(Request request, HttpResponse<String> response) {
                if (response != null && response.statusCode() == 200 && request.tag().equals("feed")) {
                    Matcher next = NEXT_CURSOR.matcher(response.body());
                    if (next.find()) {
                        cursor.set(next.group(1));
                    }
                }
            }
        });
        s.spec.put("mode", "mixed");
        s.spec.put("auth", readerKey);
        s.spec.put("write_auth", writerKey);
        s.spec.put("post_path", postPath);
        s.spec.put("body", bodyTemplate);
        s.spec.put("feed_auth", followerKey);
        s.spec.put("feed_path", feedPath);
        s.spec.put("feed_cursor", feedCursor);
        s.lists.put("reads", reads);
        return s;
    }

    private static Request postRequest(String path, String key, String bodyTemplate, String unique) {
        return new Request("POST", path, key, bodyTemplate.replace("{n}", unique),
                Map.of("Idempotency-Key", unique), "write");
    }

    /** Whether the scenario edits a pool of incidents, each from its version 1: its warm-up can run once only. */
    boolean editsPool() {
        return !putPools.isEmpty();
    }

    /**
     * Writes the spec wrk's script reads, for one run: the warm-up and the measured run of a PUT scenario edit
     * different incidents, since each starts from version 1 of its pool.
     */
    Path writeSpec(Path dir, String run, int threads, boolean warmup) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> values = new LinkedHashMap<>(spec);
        values.put("run", run);
        values.put("threads", Integer.toString(threads));
        for (Map.Entry<String, List<String>> list : lists.entrySet()) {
            Path file = dir.resolve(name + "." + list.getKey());
            Files.write(file, list.getValue());
            values.put(list.getKey(), file.toString());
        }
        if (!putPools.isEmpty()) {
            List<String> pool = new ArrayList<>();
            putPools.get(warmup ? 0 : 1).forEach(id -> pool.add(id + " 1"));
            Path file = dir.resolve(name + (warmup ? ".warmup" : ".measured") + ".pool");
            Files.write(file, pool);
            values.put("pool", file.toString());
        }
        List<String> lines = new ArrayList<>();
        values.forEach((k, v) -> lines.add(k + "=" + v));
        Path file = dir.resolve(name + (warmup ? ".warmup" : "") + ".spec");
        Files.write(file, lines);
        return file;
    }
}
