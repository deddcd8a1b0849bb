package org.prisonwatch.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The spec (/q/openapi, some 200 kB) compressed like the API's own responses. Quarkus marks every response
 * "Content-Encoding: identity" and lifts the mark only for its REST, static and reactive-route responses; the spec
 * is served by none of them, so the mark is lifted here before its headers go out.
 */
@ApplicationScoped
class SpecCompression {

    void register(@Observes Router router) {
        router.route("/q/openapi*").order(-1).handler(event -> {
            event.addHeadersEndHandler(ignored -> {
                if ("identity".equals(event.response().headers().get(HttpHeaders.CONTENT_ENCODING))) {
                    event.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
                }
            });
            event.next();
        });
    }
}
