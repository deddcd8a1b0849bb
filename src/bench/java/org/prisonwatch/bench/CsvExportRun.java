package org.prisonwatch.bench;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Every incident as one CSV file, read by one client as it streams: time to the first byte, rows a second, and the
 * service's peak heap while it ran (sampled from its Prometheus metrics every 100 ms on the management port).
 */
final class CsvExportRun {

    record Result(int status, long rows, double firstByteMillis, double seconds, long peakHeapBytes, long bytes) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private CsvExportRun() {
    }

    static Result run(Http http, String key, String metricsUrl, Duration max) throws Exception {
        try (HeapSampler heap = new HeapSampler(metricsUrl)) {
            long started = System.nanoTime();
            HttpResponse<InputStream> response = http.client.send(http.request("GET", "/api/v1/incidents", key, null,
                    Map.of("Accept", "text/csv"), max), HttpResponse.BodyHandlers.ofInputStream());
            long firstByte = -1;
            long lines = 0;
            long bytes = 0;
            byte[] buffer = new byte[256 * 1024];
            boolean lastWasCr = false;
            try (InputStream in = response.body()) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    if (firstByte < 0) {
                        firstByte = System.nanoTime();
                    }
                    bytes += read;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n' && lastWasCr) {
                            lines++;
                        }
                        lastWasCr = buffer[i] == '\r';
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(response.statusCode(), Math.max(0, lines - 2),
                    firstByte < 0 ? Double.NaN : (firstByte - started) / 1e6, seconds, heap.peakBytes(), bytes);
        }
    }
}
