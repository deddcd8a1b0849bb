package org.prisonwatch.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one signed POST (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature over
 * {@code id.timestamp.body}) to a target checked by {@link WebhookTargets}, connecting to the address that was
 * checked. Redirects are not followed; the answer is read up to an excerpt and no further.
 */
@ApplicationScoped
public class WebhookSender {

    private static final int EXCERPT_CHARS = 500;
    private static final int READ_AT_MOST = 4096;

    @Inject
    Vertx vertx;

    @Inject
    WebhookTargets targets;

    @ConfigProperty(name = "prisonwatch.webhooks.timeout")
    Duration timeout;

    private HttpClient client;

    @PostConstruct
    void open() {
        client = vertx.createHttpClient(new HttpClientOptions().setVerifyHost(true).setForceSni(true)
                .setConnectTimeout((int) timeout.toMillis()).setMaxPoolSize(16)
                .setKeepAliveTimeout(30).setIdleTimeout((int) Math.max(1, timeout.toSeconds()))
                .setPoolCleanerPeriod(1000));
    }

    /**
     * The outcome of one attempt; never fails, and never throws: whatever goes wrong is this attempt's failure
     * alone, not its batch's.
     */
    public CompletableFuture<Outcome> send(String url, List<String> secrets, String webhookId, String body) {
        long started = System.nanoTime();
        try {
            return attempt(url, secrets, webhookId, body, started);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Outcome.failed(null, started, "not sent: " + describe(e)));
        }
    }

    private CompletableFuture<Outcome> attempt(String url, List<String> secrets, String webhookId, String body,
            long started) {
        WebhookTargets.Target target;
        try {
            target = targets.checked(URI.create(url));
        } catch (WebhookTargets.Refused e) {
            return CompletableFuture.completedFuture(Outcome.failed(null, started, "not sent: " + e.getMessage()));
        }
        long timestamp = Instant.now().getEpochSecond();
        String signature;
        try {
            signature = signatures(secrets, webhookId, timestamp, body);
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            return CompletableFuture.completedFuture(Outcome.failed(null, started, "not signed: " + e.getMessage()));
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setHost(target.uri().getHost()).setPort(target.port()).setSsl(target.https())
                .setURI(target.requestUri())
                // the address checked, not whatever the name resolves to a moment later
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false).setTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json").putHeader("user-agent", "PrisonWatch-Webhooks/1")
                .putHeader("webhook-id", webhookId).putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature);
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        Context context = vertx.getOrCreateContext();
        // everything registered on one event loop: a handler registered from this thread could come after a quick
        // answer had already ended
        context.runOnContext(start -> {
            // one deadline for the whole attempt (Vert.x's own timeout is per wait for bytes, which a receiver that
            // trickles its answer never trips); at it the request is reset, so its connection closes and goes back
            // to no one
            vertx.setTimer(timeout.toMillis(), deadline -> {
                if (outcome.complete(Outcome.failed(null, started, "no answer within " + timeout.toSeconds()
                        + " s")) && sent.get() != null) {
                    sent.get().reset();
                }
            });
            client.request(options)
                    .compose(request -> {
                        sent.set(request);
                        return request.send(Buffer.buffer(body, "UTF-8"));
                    })
                    .onSuccess(response -> {
                        Buffer read = Buffer.buffer();
                        response.handler(chunk -> {
                            if (outcome.isDone()) {
                                return;
                            }
                            read.appendBuffer(chunk);
                            if (read.length() >= READ_AT_MOST) {
                                // enough for the log; the rest is not worth a worker's time
                                outcome.complete(Outcome.answered(response.statusCode(), started, excerpt(read)));
                                response.request().reset();
                            }
                        });
                        response.endHandler(end -> outcome.complete(
                                Outcome.answered(response.statusCode(), started, excerpt(read))));
                        response.exceptionHandler(e -> outcome.complete(
                                Outcome.answered(response.statusCode(), started, excerpt(read))));
                    })
                    .onFailure(e -> outcome.complete(Outcome.failed(null, started, describe(e))));
        });
        return outcome;
    }

    /** One v1 signature per secret in force, space-separated: during a rotation's grace period, both. */
    static String signatures(List<String> secrets, String webhookId, long timestamp, String body)
            throws WebhookSigningException, EmptyWebhookSecretException {
        StringBuilder all = new StringBuilder();
        for (String secret : secrets) {
            if (!all.isEmpty()) {
                all.append(' ');
            }
            all.append(new Webhook(secret).sign(webhookId, timestamp, body));
        }
        return all.toString();
    }

    private static String excerpt(Buffer read) {
        byte[] bytes = read.getBytes();
        String text = new String(bytes, 0, Math.min(bytes.length, READ_AT_MOST), StandardCharsets.UTF_8);
        String printable = text.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return printable.length() > EXCERPT_CHARS ? printable.substring(0, EXCERPT_CHARS) : printable;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 400 ? message.substring(0, 400) : message;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /** What one attempt came to. */
    public record Outcome(Integer statusCode, int latencyMs, boolean succeeded, String error, String excerpt) {

        static Outcome answered(int status, long started, String excerpt) {
            boolean ok = status >= 200 && status < 300;
            String error = ok ? null : status >= 300 && status < 400 ? "answered with a redirect, which is not "
                    + "followed" : "answered " + status;
            return new Outcome(status, millisSince(started), ok, error, excerpt);
        }

        static Outcome failed(Integer status, long started, String error) {
            return new Outcome(status, millisSince(started), false, error, null);
        }

        /** 410 Gone: the target asks not to be sent anything again. */
        boolean gone() {
            return statusCode != null && statusCode == 410;
        }

        private static int millisSince(long started) {
            return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
