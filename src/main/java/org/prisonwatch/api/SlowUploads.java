package org.prisonwatch.api;

import io.vertx.core.http.HttpServerRequest;
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
        if (request.isEnded() || minBytesPerSecond <= 0) {
            event.next();
            return;
        }
        long start = System.nanoTime();
        long timer = event.vertx().setPeriodic(CHECK_EVERY_MILLIS, id -> {
            if (request.isEnded() || event.response().ended() || event.response().closed()) {
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
