package org.prisonwatch.api;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem responses written in the Vert.x layer, before any resource or exception mapper runs (rate limits, bad
 * keys, oversized bodies): the same document and headers as the rest of the API.
 */
public final class HttpLayerProblems {

    private HttpLayerProblems() {
    }

    public static void send(RoutingContext event, ProblemType type, String detail) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, event.request().path(), null,
                null);
        event.response().setStatusCode(type.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Vary", "Authorization")
                .end(Json.encode(problem));
    }

    /** 429 with Retry-After: the seconds until the current one-minute window ends. */
    public static void tooManyRequests(RoutingContext event, long retryAfterSeconds, String whose) {
        event.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds));
        send(event, ProblemType.TOO_MANY_REQUESTS, whose + " request budget for the current minute is spent; retry "
                + "after " + retryAfterSeconds + " s");
    }
}
