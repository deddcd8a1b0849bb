package org.prisonwatch.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.standardwebhooks.Webhook;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A webhook target in the test JVM, on the loopback address: it verifies the Standard Webhooks signature of every
 * request with the secrets it is given (a request no secret verifies is kept as unverified, and answered 401), and
 * answers as the test tells it (by default 204).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String webhookId, String timestamp, String signature, String body, boolean verified,
            int answered, Instant at) {

        public JsonPath json() {
            return JsonPath.from(body);
        }

        public String type() {
            return json().getString("type");
        }

        public String recordId() {
            return json().getString("data.id");
        }
    }

    private final HttpServer server;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private volatile Function<Received, Integer> answer = r -> 204;
    private volatile CountDownLatch held;
    private volatile int holdAt;
    private final java.util.concurrent.atomic.AtomicInteger arrivals = new java.util.concurrent.atomic.AtomicInteger();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL to subscribe, with a path of the caller's choosing. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A secret that signatures may verify with (the subscription's, and after a rotation the new one too). */
    public WebhookReceiver trusting(String secret) {
        secrets.add(secret);
        return this;
    }

    public void forgetSecrets() {
        secrets.clear();
    }

    /** The status to answer each verified request with, decided from the request. */
    public void answering(Function<Received, Integer> status) {
        this.answer = status;
    }

    /** Until {@link #release()}, every request waits without an answer (a receiver that hangs, or a slow one). */
    public void hold() {
        holdAt = 0;
        held = new CountDownLatch(1);
    }

    /** The n-th request to arrive (counting from 1) waits without an answer until {@link #release()}. */
    public void holdAt(int n) {
        holdAt = n;
        held = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch latch = held;
        held = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits until the condition holds over what was received, failing after the timeout. */
    public List<Received> await(Duration timeout, Predicate<List<Received>> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Received> now = received();
            if (condition.test(now)) {
                return now;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the receiver did not get what was expected within " + timeout + "; it got "
                + received().stream().map(r -> r.webhookId() + " " + r.body() + " -> " + r.answered()).toList());
    }

    /** Requests that have arrived, answered or not (held). */
    public int arrivals() {
        return arrivals.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int arrival = arrivals.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = exchange.getRequestHeaders();
        boolean verified = false;
        for (String secret : secrets) {
            try {
                new Webhook(secret).verify(body, headers);
                verified = true;
                break;
            } catch (Exception notThisOne) {
                // try the next secret
            }
        }
        Received request = new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body, verified, 0, Instant.now());
        CountDownLatch latch = held;
        if (latch != null && (holdAt == 0 || holdAt == arrival)) {
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = verified ? answer.apply(request) : 401;
        received.add(new Received(request.webhookId(), request.timestamp(), request.signature(), body, verified,
                status, request.at()));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
