package org.prisonwatch.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cuts off a client that sends its body slower than a minimum average rate once a grace period has passed, so
 * that trickling a body a few bytes at a time cannot hold connections and buffers open (the idle timeout,
 * quarkus.http.idle-timeout, only catches clients that stop altogether). The default rate is far below a 2G link,
 * so a field reporter's upload still completes. The client gets a 408 problem and the connection is closed.
 * <p>
 * Only the upload is watched, never the handler: the watch ends as soon as the whole body has been received (all
 * of a declared length, or the end of the request), so a handler that takes long over a body it has (a long
 * audit verification) is answered normally. A request without a body (HTTP/1.x with neither Content-Length nor
 * Transfer-Encoding, or Content-Length: 0) is not watched at all: no timer, no allocation.
 */
@Singleton
public class SlowUploads {

    private static final long CHECK_EVERY_MILLIS = 1000;

    private final long minBytesPerSecond;
    private final long graceMillis;

    public SlowUploads(@ConfigProperty(name = "prisonwatch.min-upload-rate") long minBytesPerSecond,
            @ConfigProperty(name = "prisonwatch.min-upload-rate-grace") Duration grace) {
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceMillis = grace.toMillis();
    }

    void register(@Observes Router router) {
        router.route().order(BodySizeLimit.ORDER - 1).handler(this::watch);
    }

    private void watch(RoutingContext event) {
        HttpServerRequest request = event.request();
        if (minBytesPerSecond <= 0 || request.isEnded()) {
            event.next();
            return;
        }
        long declared = declaredLength(request);
        if (declared == 0 || declared < 0 && request.version() != HttpVersion.HTTP_2
                && !request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            event.next(); // no body (RFC 9112, section 6.3): nothing can arrive slowly
            return;
        }
        long start = System.nanoTime();
        long timer = event.vertx().setPeriodic(CHECK_EVERY_MILLIS, id -> {
            if (received(request, declared) || event.response().ended() || event.response().closed()) {
                event.vertx().cancelTimer(id);
                return;
            }
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            if (elapsedMillis > graceMillis && request.bytesRead() * 1000 < minBytesPerSecond * elapsedMillis) {
                event.vertx().cancelTimer(id);
                cutOff(event, elapsedMillis);
            }
        });
        event.addEndHandler(ended -> event.vertx().cancelTimer(timer));
        event.next();
    }

    /**
     * Whether the whole body is in. A body read to its declared length may not show as ended (Vert.x delivers the
     * end only when the reader asks for more, and a reader that has all the bytes it expected does not), so the
     * bytes count too.
     */
    private static boolean received(HttpServerRequest request, long declared) {
        return request.isEnded() || declared >= 0 && request.bytesRead() >= declared;
    }

    /** The declared Content-Length, or -1 if none (Vert.x has already refused a malformed one). */
    private static long declaredLength(HttpServerRequest request) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void cutOff(RoutingContext event, long elapsedMillis) {
        if (event.response().headWritten()) {
            event.request().connection().close();
            return;
        }
        event.response().putHeader("Connection", "close")
                .endHandler(ended -> event.request().connection().close());
        HttpLayerProblems.send(event, ProblemType.REQUEST_TIMEOUT, "The request body arrived at less than "
                + minBytesPerSecond + " bytes a second (" + event.request().bytesRead() + " bytes in "
                + elapsedMillis / 1000 + " s)");
    }
}
