package org.prisonwatch.security;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.prisonwatch.api.Problem;
import org.prisonwatch.api.ProblemType;

/**
 * A bad API key fails in the HTTP layer, before any resource or exception mapper runs (authentication is
 * proactive, so an invalid key is refused even where anonymous callers are welcome). This answers it with the same
 * problem document as the rest of the API, without saying whether the key was unknown, revoked or malformed.
 */
@Singleton
public class HttpLayerFailures {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(event -> {
            if (event.response().ended()) {
                event.next();
            } else if (event.failure() instanceof AuthenticationFailedException) {
                event.response().putHeader("WWW-Authenticate", ApiKeyAuthenticationMechanism.CHALLENGE);
                respond(event, ProblemType.UNAUTHENTICATED, "The API key is missing, malformed, unknown or revoked");
            } else {
                event.next();
            }
        });
    }

    private static void respond(RoutingContext event, ProblemType type, String detail) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, event.request().path(), null,
                null);
        event.response().setStatusCode(type.status())
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(Json.encode(problem));
    }
}
