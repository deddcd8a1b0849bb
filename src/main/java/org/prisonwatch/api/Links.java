package org.prisonwatch.api;

import jakarta.ws.rs.core.UriInfo;

/** The one place Link headers are built: every paged list and the change feed use it. */
public final class Links {

    private Links() {
    }

    /** Link: &lt;this request with the given parameter set to the next position&gt;; rel="next". */
    public static String next(UriInfo request, String positionParameter, String position) {
        return "<" + PublicUris.withParameter(request, positionParameter, position) + ">; rel=\"next\"";
    }
}
