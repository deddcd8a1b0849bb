package org.prisonwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's peak heap while a run lasts, sampled from its Prometheus metrics every 100 ms. */
final class HeapSampler implements AutoCloseable {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$",
            Pattern.MULTILINE);

    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;

    HeapSampler(String metricsUrl) {
        HttpClient metrics = HttpClient.newHttpClient();
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String text = metrics.send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    long used = 0;
                    Matcher m = HEAP.matcher(text);
                    while (m.find()) {
                        used += (long) Double.parseDouble(m.group(1));
                    }
                    peak.accumulateAndGet(used, Math::max);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    // the service is busy or gone: the next sample tells
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakBytes() {
        return peak.get();
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
