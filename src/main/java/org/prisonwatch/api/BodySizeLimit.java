package org.prisonwatch.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every body over the limit is a 413 problem, whether its length was declared or it came chunked. A declared
 * length over the limit is refused before a byte is read. A chunked body is read here, up to the limit and no
 * further, before any resource runs (the resources then read it from this buffer), and refused as soon as it
 * passes the limit. Bulk requests (POST /{collection}/by-ref) have a larger limit of their own and are read as they
 * stream, a line at a time, by the resource: a declared length over it is refused here, and a chunked body is held
 * to it by Quarkus's own limit (quarkus.http.limits.max-body-size, set to the bulk limit), which otherwise never
 * answers, since every other body is refused here first.
 */
@Singleton
public class BodySizeLimit {

    private static final int ROUTE_ORDER_UPLOAD_LIMIT = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT;
    /** Where Quarkus's check leaves the limit for a body whose length was not declared (VertxHttpRecorder). */
    private static final String MAX_REQUEST_SIZE_KEY = VertxHttpRecorder.MAX_REQUEST_SIZE_KEY;

    /** Just ahead of Quarkus's own body-size check; after rate limiting and authentication. */
    static final int ORDER = ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private static final Pattern BULK = Pattern.compile("/api/v1/(incidents|armed-inmate-reports|casualties)/by-ref/?");

    private final long limit;
    private final long bulkLimit;

    public BodySizeLimit(@ConfigProperty(name = "prisonwatch.max-body-size") MemorySize limit,
            @ConfigProperty(name = "prisonwatch.bulk.max-body-size") MemorySize bulkLimit) {
        this.limit = limit.asLongValue();
        this.bulkLimit = Math.max(this.limit, bulkLimit.asLongValue());
    }

    void register(@Observes Router router) {
        BodyHandler unsized = BodyHandler.create(false).setBodyLimit(limit).setHandleFileUploads(false)
                .setMergeFormAttributes(false);
        router.route().order(ORDER).handler(event -> {
            String declared = event.request().getHeader("Content-Length");
            boolean bulk = isBulk(event);
            if (declared != null) {
                if (over(declared, bulk ? bulkLimit : limit)) {
                    event.fail(413);
                } else {
                    event.next();
                }
            } else if (bulk || event.request().isEnded()
                    || !event.request().headers().contains("Transfer-Encoding")) {
                event.next();
            } else {
                unsized.handle(event);
            }
        }).failureHandler(this::tooLarge);
        // Quarkus's own check, just before this, hands the streams that read an undeclared length (HTTP/2 bodies,
        // bulk bodies) its limit, the bulk one: every other request is held to the single-write limit again
        router.route().order(ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(event -> {
            if (event.get(MAX_REQUEST_SIZE_KEY) != null) {
                event.put(MAX_REQUEST_SIZE_KEY, isBulk(event) ? bulkLimit : limit);
            }
            event.next();
        });
    }

    private static boolean isBulk(RoutingContext event) {
        return event.request().method() == HttpMethod.POST && BULK.matcher(event.request().path()).matches();
    }

    private static boolean over(String declared, long limit) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x has already refused a request with a malformed length
        }
    }

    private void tooLarge(RoutingContext event) {
        if (event.statusCode() != 413 || event.response().ended()) {
            event.next();
            return;
        }
        String declared = event.request().getHeader("Content-Length");
        long limit = isBulk(event) ? bulkLimit : this.limit;
        if (event.request().version() == HttpVersion.HTTP_2) {
            // the rest of this stream's body is never read: the stream ends after the answer, the connection stays
            event.response().endHandler(ended -> event.response().reset(0));
        } else {
            // the rest of the body is never read, so this connection cannot carry another request
            event.response().putHeader("Connection", "close")
                    .endHandler(ended -> event.request().connection().close());
        }
        HttpLayerProblems.send(event, ProblemType.PAYLOAD_TOO_LARGE, (declared == null
                ? "The request body is over" : "The request body is " + declared.strip() + " bytes, over")
                + " the limit of " + limit + " bytes");
    }
}
