package org.prisonwatch.security;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers): RateLimit-Policy names the budget that
 * counted the request, its quota and its window in seconds; RateLimit gives what is left of it and the seconds
 * until the window ends. A well-behaved client slows down before it ever meets a 429. The remainder is this
 * instance's knowledge: other instances' requests count in it as of the last sync (README, Abuse limits).
 */
final class RateLimitHeaders {

    static final int WINDOW_SECONDS = 60;

    private RateLimitHeaders() {
    }

    /** The windows are whole minutes, the same on every instance. */
    static long secondsToReset(Instant now) {
        return WINDOW_SECONDS - now.getEpochSecond() % WINDOW_SECONDS;
    }

    static void put(RoutingContext event, String policy, int quota, int hits, Instant now) {
        long reset = secondsToReset(now);
        int remaining = Math.max(0, quota - hits);
        event.response()
                .putHeader("RateLimit-Policy", "\"" + policy + "\";q=" + quota + ";w=" + WINDOW_SECONDS)
                .putHeader("RateLimit", "\"" + policy + "\";r=" + remaining + ";t=" + reset);
    }
}
