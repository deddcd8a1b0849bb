package org.prisonwatch.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body whose declared length is over the limit with a 413 problem, before it is read. Quarkus's own,
 * higher limit (quarkus.http.limits.max-body-size) stays as the hard cap for bodies sent without a length.
 */
public class BodySizeLimit {

    @Inject
    @ConfigProperty(name = "prisonwatch.max-body-size")
    MemorySize limit;

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversized(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return null;
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (declared <= limit.asLongValue()) {
            return null;
        }
        return ProblemResponses.respond(ProblemType.PAYLOAD_TOO_LARGE, "The request body is " + declared
                + " bytes; the limit is " + limit.asLongValue(), null, request);
    }
}
