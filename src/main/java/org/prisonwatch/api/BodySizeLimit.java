package org.prisonwatch.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
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

    /** Just ahead of Quarkus's own body-size check; after rate limiting and authentication. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

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
            boolean bulk = event.request().method() == HttpMethod.POST && BULK.matcher(event.request().path()).matches();
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
        long limit = event.request().method() == HttpMethod.POST && BULK.matcher(event.request().path()).matches()
                ? bulkLimit : this.limit;
        // the rest of the body is never read, so this connection cannot carry another request
        event.response().putHeader("Connection", "close")
                .endHandler(ended -> event.request().connection().close());
        HttpLayerProblems.send(event, ProblemType.PAYLOAD_TOO_LARGE, (declared == null
                ? "The request body is over" : "The request body is " + declared.strip() + " bytes, over")
                + " the limit of " + limit + " bytes");
    }
}
