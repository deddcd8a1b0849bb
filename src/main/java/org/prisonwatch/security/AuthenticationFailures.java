package org.prisonwatch.security;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.prisonwatch.api.ProblemType;

/**
 * A bad key fails before any resource runs (authentication is proactive, so that an invalid key is refused even
 * on endpoints open to anonymous callers); this answers that failure with the same problem document as the rest
 * of the API, without saying whether the key was unknown, revoked or malformed.
 */
@Singleton
public class AuthenticationFailures {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(event -> {
            if (!(event.failure() instanceof AuthenticationFailedException) || event.response().ended()) {
                event.next();
                return;
            }
            JsonObject problem = new JsonObject()
                    .put("type", ProblemType.UNAUTHENTICATED.uri())
                    .put("title", ProblemType.UNAUTHENTICATED.title())
                    .put("status", 401)
                    .put("detail", "The API key is missing, malformed, unknown or revoked")
                    .put("instance", event.request().path());
            event.response().setStatusCode(401)
                    .putHeader("Content-Type", "application/problem+json")
                    .putHeader("WWW-Authenticate", ApiKeyAuthenticationMechanism.CHALLENGE)
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .end(problem.encode());
        });
    }
}
