package org.prisonwatch.security;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.prisonwatch.api.HttpLayerProblems;
import org.prisonwatch.api.ProblemType;

/**
 * A bad API key fails in the HTTP layer, before any resource or exception mapper runs (authentication is
 * proactive, so an invalid key is refused even where anonymous callers are welcome). This answers it with the same
 * problem document as the rest of the API, without saying whether the key was unknown, revoked or malformed, and
 * counts it against the client address's budget for failed key attempts: past that budget the answer is 429.
 */
@Singleton
public class HttpLayerFailures {

    @Inject
    RateLimits limits;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(event -> {
            if (event.response().ended()) {
                event.next();
            } else if (event.failure() instanceof AuthenticationFailedException) {
                limits.countFailedKey(event, () -> {
                    event.response().putHeader("WWW-Authenticate", ApiKeyAuthenticationMechanism.CHALLENGE);
                    HttpLayerProblems.send(event, ProblemType.UNAUTHENTICATED,
                            "The API key is missing, malformed, unknown or revoked");
                });
            } else {
                event.next();
            }
        });
    }
}
