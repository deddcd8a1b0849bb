package org.prisonwatch.bench;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A partner's dataset loaded in one bulk request (POST /api/v1/incidents/by-ref, NDJSON, sent as it is made and its
 * answer read as it streams), beside the same records sent one by-ref PUT at a time by one client: lines a second
 * each way, time to the first result, and the service's peak heap during the import.
 */
final class BulkImportRun {

    record Result(int status, long answered, long created, double firstResultMillis, double seconds,
            long peakHeapBytes, long bodyBytes, int singlePuts, int singleCreated, double singleSeconds) {

        double linesPerSecond() {
            return answered / seconds;
        }

        double singlePutsPerSecond() {
            return singlePuts / singleSeconds;
        }
    }

    private static final String DESCRIPTION = "Armed inmates were seen leaving the prison in army trucks before dawn; "
            + "relatives say they had been promised shorter sentences. ".repeat(3);

    private BulkImportRun() {
    }

    /** One incident as a partner sends it, by its reference. */
    private static String record(String run, int n) {
        return String.format(Locale.ROOT, "{\"type\":\"COMBAT_DEPLOYMENT\",\"title\":\"Bulk %s no. %d\","
                + "\"occurredFrom\":\"2025-%02d-%02d\",\"description\":\"%s\",\"perpetrators\":[\"Army\"],"
                + "\"confidentiality\":\"RESTRICTED\"}", run, n, 1 + n % 12, 1 + n % 28, DESCRIPTION);
    }

    static Result run(Http http, String partnerKey, String metricsUrl, int lines, int singles, Duration max)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long[] bodyBytes = new long[1];
        Iterator<InputStream> body = IntStream.range(0, lines).mapToObj(n -> {
            byte[] line = ("{\"externalRef\":\"bench-bulk-" + run + "-" + n + "\",\"record\":" + record(run, n) + "}\n")
                    .getBytes(StandardCharsets.UTF_8);
            bodyBytes[0] += line.length;
            return (InputStream) new ByteArrayInputStream(line);
        }).iterator();
        long answered = 0;
        long created = 0;
        double firstResult = Double.NaN;
        int status;
        long started;
        double seconds;
        long peak;
        try (HeapSampler heap = new HeapSampler(metricsUrl)) {
            started = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create(http.base + "/api/v1/incidents/by-ref"))
                    .timeout(max).header("Authorization", "Bearer " + partnerKey)
                    .header("Content-Type", "application/x-ndjson").header("Accept", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                            new Enumeration<InputStream>() {
                                @Override
                                public boolean hasMoreElements() {
                                    return body.hasNext();
                                }

                                @Override
                                public InputStream nextElement() {
                                    return body.next();
                                }
                            })))
                    .build();
            HttpResponse<InputStream> response = http.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            try (BufferedReader results = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String result;
                while ((result = results.readLine()) != null) {
                    if (answered == 0) {
                        firstResult = (System.nanoTime() - started) / 1e6;
                    }
                    answered++;
                    if (result.contains("\"outcome\":\"created\"")) {
                        created++;
                    }
                }
            }
            seconds = (System.nanoTime() - started) / 1e9;
            peak = heap.peakBytes();
        }
        int singleCreated = 0;
        long singleStarted = System.nanoTime();
        for (int n = 0; n < singles; n++) {
            Http.Response put = http.send("PUT", "/api/v1/incidents/by-ref/bench-single-" + run + "-" + n,
                    partnerKey, record(run, n), Map.of());
            if (put.status() == 201) {
                singleCreated++;
            }
        }
        double singleSeconds = (System.nanoTime() - singleStarted) / 1e9;
        return new Result(status, answered, created, firstResult, seconds, peak, bodyBytes[0], singles, singleCreated,
                singleSeconds);
    }
}
