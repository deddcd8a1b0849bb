package org.prisonwatch.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The bearer token of a request, on its way to {@link ApiKeyIdentityProvider}. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
