package org.prisonwatch.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Turns a bearer key into an identity: the key's id as principal, its role as the one role. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    @Inject
    ApiKeyService keys;

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    /** A key verified lately is answered on the spot; only the others wait for a worker and the database. */
    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String hash = KeyHash.of(request.key());
        Optional<VerifiedKey> recent = keys.recentlyVerified(hash);
        if (recent.isPresent()) {
            return Uni.createFrom().item(identity(recent.get(), hash));
        }
        return context.runBlocking(() -> keys.authenticate(hash).map(key -> identity(key, hash))
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked key")));
    }

    /** The identity keeps the key's hash, never the key, so that a long response can check the key again. */
    private static SecurityIdentity identity(VerifiedKey key, String hash) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.id().toString()))
                .addRole(key.role().name())
                .addAttribute(KeyInForce.KEY_HASH, hash)
                .build();
    }
}
