package org.prisonwatch.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Case data must never sit in a shared or browser cache, and browsers must not guess content types. What a
 * response holds depends on the key that asked for it, which Vary says to anything that keeps copies.
 */
public class ApiResponseHeaders {

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
            response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
            response.getHeaders().add("Vary", "Authorization");
        }
    }
}
