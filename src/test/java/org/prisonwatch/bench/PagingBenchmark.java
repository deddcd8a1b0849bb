package org.prisonwatch.bench;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Keys;

/**
 * Measures what the design claims: a keyset page deep in a large list (or deep in the change feed) costs what the
 * first page costs; how long a write takes, and what an Idempotency-Key adds to it. Run with {@code mvn -B verify -Pbench}; it prints a table and asserts nothing (timings on a
 * shared machine are not test outcomes). Compare the ratios within one run, not absolute figures across runs.
 */
@QuarkusTest
class PagingBenchmark {

    private static final int RECORDS = Integer.getInteger("bench.records", 20_000);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);

    @Test
    void printTable() throws Exception {
        String prisonId = given().header("Authorization", "Bearer " + Keys.BOOTSTRAP_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Bench prison", "stateRegion", "Bench")).post("/api/v1/prisons")
                .then().statusCode(201).extract().path("id");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        long seedStart = System.nanoTime();
        List<Future<Long>> writes = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            int day = i % 365;
            writes.add(pool.submit(() -> timed(() -> given().header("Authorization", "Bearer " + Keys.BOOTSTRAP_ADMIN).contentType(ContentType.JSON)
                    .body(incident(prisonId, day)).post("/api/v1/incidents").then().statusCode(201))));
        }
        long[] writeNanos = new long[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            writeNanos[i] = writes.get(i).get();
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        pool.shutdown();

        List<String> cursors = new ArrayList<>();
        String cursor = null;
        do {
            cursors.add(cursor);
            var request = given().header("Authorization", "Bearer " + Keys.BOOTSTRAP_ADMIN).queryParam("prisonId", prisonId).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            cursor = request.get("/api/v1/incidents").then().statusCode(200).extract().path("nextCursor");
        } while (cursor != null);

        String first = cursors.get(0);
        String middle = cursors.get(cursors.size() / 2);
        String last = cursors.get(cursors.size() - 1);
        long[] firstPage = sample(prisonId, first);
        long[] middlePage = sample(prisonId, middle);
        long[] lastPage = sample(prisonId, last);

        long[] plainPosts = new long[SAMPLES];
        long[] keyedPosts = new long[SAMPLES];
        long[] replays = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            Map<String, Object> body = incident(prisonId, i % 365);
            String key = java.util.UUID.randomUUID().toString();
            plainPosts[i] = timed(() -> admin().body(body).post("/api/v1/incidents").then().statusCode(201));
            keyedPosts[i] = timed(() -> admin().header("Idempotency-Key", key).body(body).post("/api/v1/incidents")
                    .then().statusCode(201));
            replays[i] = timed(() -> admin().header("Idempotency-Key", key).body(body).post("/api/v1/incidents")
                    .then().statusCode(201).header("Idempotent-Replayed", "true"));
        }

        List<String> feedCursors = new ArrayList<>();
        String feedCursor = null;
        while (true) {
            feedCursors.add(feedCursor);
            var request = admin().queryParam("limit", 500).queryParam("entity", "INCIDENT");
            if (feedCursor != null) {
                request.queryParam("after", feedCursor);
            }
            String next = request.get("/api/v1/changes").then().statusCode(200).extract().path("nextCursor");
            if (next.equals(feedCursor)) {
                break;
            }
            feedCursor = next;
        }
        long[] feedFirst = sampleFeed(feedCursors.get(0));
        long[] feedMiddle = sampleFeed(feedCursors.get(feedCursors.size() / 2));

        StringBuilder table = new StringBuilder("\n");
        table.append(String.format("PrisonWatch paging benchmark: %,d incidents in one prison, pages of 100, %d samples each%n",
                RECORDS, SAMPLES));
        table.append(String.format("%-34s %10s %10s %10s%n", "measure", "p50 ms", "p95 ms", "vs first"));
        row(table, "GET first page", firstPage, firstPage);
        row(table, "GET page " + (cursors.size() / 2 + 1) + " (keyset, middle)", middlePage, firstPage);
        row(table, "GET page " + cursors.size() + " (keyset, last)", lastPage, firstPage);
        row(table, "POST incident (4 concurrent)", writeNanos, writeNanos);
        table.append(String.format("%-34s %10.0f%n", "writes per second while seeding", RECORDS / seedSeconds));
        row(table, "POST incident, sequential", plainPosts, plainPosts);
        row(table, "POST with Idempotency-Key", keyedPosts, plainPosts);
        row(table, "POST replayed (same key and body)", replays, plainPosts);
        row(table, "GET /changes 500, first page", feedFirst, feedFirst);
        row(table, "GET /changes 500, page " + (feedCursors.size() / 2 + 1) + " of " + feedCursors.size(),
                feedMiddle, feedFirst);
        System.out.println(table);
    }

    private static long[] sample(String prisonId, String cursor) {
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            nanos[i] = timed(() -> {
                var request = given().header("Authorization", "Bearer " + Keys.BOOTSTRAP_ADMIN).queryParam("prisonId", prisonId).queryParam("limit", 100);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                request.get("/api/v1/incidents").then().statusCode(200);
            });
        }
        return nanos;
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + Keys.BOOTSTRAP_ADMIN).contentType(ContentType.JSON);
    }

    private static long[] sampleFeed(String after) {
        long[] nanos = new long[Math.max(10, SAMPLES / 10)];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = timed(() -> {
                var request = admin().queryParam("limit", 500).queryParam("entity", "INCIDENT");
                if (after != null) {
                    request.queryParam("after", after);
                }
                request.get("/api/v1/changes").then().statusCode(200);
            });
        }
        return nanos;
    }

    private static void row(StringBuilder table, String label, long[] nanos, long[] baseline) {
        table.append(String.format("%-34s %10.2f %10.2f %9.2fx%n", label, percentile(nanos, 50) / 1e6,
                percentile(nanos, 95) / 1e6, percentile(nanos, 50) / percentile(baseline, 50)));
    }

    private static double percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static Map<String, Object> incident(String prisonId, int day) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "COMBAT_DEPLOYMENT");
        body.put("title", "Bench incident");
        body.put("prisonId", prisonId);
        body.put("occurredFrom", java.time.LocalDate.of(2025, 1, 1).plusDays(day).toString());
        return body;
    }
}
