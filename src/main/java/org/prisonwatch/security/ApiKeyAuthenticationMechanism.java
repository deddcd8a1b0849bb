package org.prisonwatch.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Authorization: Bearer &lt;api-key&gt;. No header means an anonymous caller; a header that is not a well-formed
 * bearer key, or names no active key, is a 401 (never silently anonymous), or a 429 once the client address has
 * spent its budget for failed key attempts ({@link RateLimits}).
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Bearer realm=\"prisonwatch\"";
    private static final String BEARER = "Bearer ";
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    ApiKeyService keys;

    @Inject
    RateLimits limits;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader("Authorization");
        if (header == null) {
            return Uni.createFrom().nullItem();
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not a bearer token"));
        }
        String key = header.substring(BEARER.length()).strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed key"));
        }
        // a key this instance has not seen active is counted as a failed attempt before it is looked up, and not
        // looked up at all once its address has spent that budget (then 429, from HttpLayerFailures)
        if (!keys.seenActive(key) && !limits.spendFailedKeyAttempt(context)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("failed-key budget spent"));
        }
        return identities.authenticate(new ApiKeyAuthenticationRequest(key));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }
}
