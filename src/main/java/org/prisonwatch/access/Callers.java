package org.prisonwatch.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** The audience of the current request, from its security identity. */
@RequestScoped
public class Callers {

    @Inject
    SecurityIdentity identity;

    public Audience audience() {
        if (identity.isAnonymous()) {
            return Audience.ANONYMOUS;
        }
        Role role = identity.getRoles().stream().map(Role::valueOf).findFirst().orElseThrow();
        return new Audience(role, UUID.fromString(identity.getPrincipal().getName()));
    }
}
