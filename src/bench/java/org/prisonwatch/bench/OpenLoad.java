package org.prisonwatch.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Latency under an open, constant-rate load. Request i is due at start + i / rate whether or not earlier ones have
 * answered; its latency runs from that intended send time to the end of its response. A stall therefore shows in
 * every request that should have been sent during it, not just in the one that was waiting (no coordinated
 * omission). The workers are only senders: when all are busy, the next requests go out late and count the delay.
 */
final class OpenLoad {

    record Result(long requests, long errors, long notSent, double seconds, Histogram latencyMicros,
            Map<String, Long> statuses) {

        double p50Millis() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN
                    : latencyMicros.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN
                    : latencyMicros.getValueAtPercentile(99) / 1000.0;
        }
    }

    private OpenLoad() {
    }

    static Result run(Http http, Scenario.RequestSource source, double rate, Duration duration, int workers)
            throws InterruptedException {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime() + 50_000_000L;
        long end = start + duration.toNanos();
        // a service far slower than the rate would keep the backlog going for ever: stop sending after twice the
        // duration and count what was due and never sent as errors
        long giveUp = start + 2 * duration.toNanos();
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong notSent = new AtomicLong();
        Map<String, Long> statuses = new ConcurrentHashMap<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        HttpClient client = http.client;
        for (int w = 0; w < workers; w++) {
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            histograms.add(histogram);
            Thread thread = new Thread(() -> {
                while (true) {
                    long i = next.getAndIncrement();
                    long intended = start + i * interval;
                    if (intended >= end) {
                        return;
                    }
                    long now;
                    while ((now = System.nanoTime()) < intended) {
                        LockSupport.parkNanos(intended - now);
                    }
                    if (now > giveUp) {
                        notSent.incrementAndGet();
                        continue;
                    }
                    Scenario.Request request = null;
                    HttpResponse<String> response = null;
                    try {
                        request = source.next();
                        response = client.send(http.request(request.method(), request.path(), request.key(),
                                request.body(), request.headers(), Duration.ofSeconds(30)),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() < 200 || response.statusCode() >= 300) {
                            errors.incrementAndGet();
                            statuses.merge(Integer.toString(response.statusCode()), 1L, Long::sum);
                        }
                    } catch (IOException | RuntimeException e) {
                        errors.incrementAndGet();
                        statuses.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    histogram.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                    if (request != null) {
                        source.completed(request, response);
                    }
                }
            }, "open-load-" + w);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Histogram all = new Histogram(3_600_000_000L, 3);
        histograms.forEach(all::add);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (notSent.get() > 0) {
            statuses.put("not sent", notSent.get());
        }
        return new Result(all.getTotalCount(), errors.get() + notSent.get(), notSent.get(), seconds, all,
                new TreeMap<>(statuses));
    }
}
