package org.prisonwatch.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.prisonwatch.api.Problem;
import org.prisonwatch.api.ProblemType;

/**
 * Per-caller request budgets: per API key, and per client address for anonymous callers. Over budget is 429 with
 * Retry-After (seconds to the next window) and a problem document.
 */
public class RateLimits {

    @Inject
    RateLimiter limiter;

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "prisonwatch.rate-limit.per-key")
    int perKey;

    @ConfigProperty(name = "prisonwatch.rate-limit.anonymous")
    int perAnonymousAddress;

    @ServerRequestFilter
    public Response limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!request.path().startsWith("/api/")) {
            return null;
        }
        boolean anonymous = identity.isAnonymous();
        String caller = anonymous ? "address:" + request.remoteAddress().hostAddress()
                : "key:" + identity.getPrincipal().getName();
        Instant now = Instant.now();
        int hits = limiter.hit(caller, now);
        if (hits <= (anonymous ? perAnonymousAddress : perKey)) {
            return null;
        }
        long retryAfter = 60 - now.getEpochSecond() % 60;
        Problem problem = new Problem(ProblemType.TOO_MANY_REQUESTS.uri(), ProblemType.TOO_MANY_REQUESTS.title(), 429,
                "This caller's request budget for the current minute is spent; retry after " + retryAfter + " s",
                request.path(), null, null);
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Retry-After", String.valueOf(retryAfter)).build();
    }
}
