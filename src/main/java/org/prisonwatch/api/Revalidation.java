package org.prisonwatch.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A client that keeps its copy of a record (a partner's replica, an app's offline store) asks whether it changed
 * with If-None-Match and its ETag, and gets 304 without the body when it did not (RFC 9110, 13.1.2). The response
 * was rendered, and an identifying read audited, exactly as for a 200: a 304 confirms what the caller holds.
 * Since the ETag is the version alone while the body depends on the key that asked, every API response says
 * {@code Vary: Authorization} ({@link ApiResponseHeaders}).
 */
public class Revalidation {

    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (response.getStatus() != 200 || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
            return;
        }
        Object etag = response.getHeaders().getFirst("ETag");
        String ifNoneMatch = request.getHeaderString("If-None-Match");
        if (etag != null && ifNoneMatch != null && matches(ifNoneMatch, etag.toString())) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    /** The weak comparison that If-None-Match uses: W/"3" names the same version as "3". */
    private static boolean matches(String ifNoneMatch, String etag) {
        String current = opaque(etag);
        for (String tag : IfMatch.tags(ifNoneMatch)) {
            if (tag.equals("*") || opaque(tag).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
