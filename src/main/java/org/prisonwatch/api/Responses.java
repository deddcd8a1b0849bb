package org.prisonwatch.api;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.prisonwatch.api.Upserted;
import org.prisonwatch.api.VersionedView;

/** Builds the success responses the contract fixes: ETag on every record, Location on create, Link on lists. */
public final class Responses {

    private Responses() {
    }

    public static <V extends VersionedView> RestResponse<V> ok(V record) {
        return RestResponse.ResponseBuilder.ok(record).header("ETag", IfMatch.etag(record.version())).build();
    }

    /** 201 for a new record of the collection at collectionPath (e.g. /api/v1/prisons). */
    public static <V extends VersionedView> RestResponse<V> created(UriInfo uri, String collectionPath, V record) {
        // a String, not a URI: JAX-RS would resolve a relative URI against the request's Host
        String location = PublicUris.of(uri, collectionPath + "/" + record.id()).toString();
        return RestResponse.ResponseBuilder.<V>create(RestResponse.Status.CREATED, record)
                .header("Location", location)
                .header("ETag", IfMatch.etag(record.version())).build();
    }

    /** 201 with Location when the write created the record, else 200; the ETag either way. */
    public static <V extends VersionedView> RestResponse<V> upserted(UriInfo uri, String collectionPath,
            Upserted<V> outcome) {
        return outcome.created() ? created(uri, collectionPath, outcome.record()) : ok(outcome.record());
    }

    public static RestResponse<Void> deleted() {
        return RestResponse.noContent();
    }

    /** 204 after an erasure, with the record's new version: the client's copy is stale. */
    public static RestResponse<Void> erased(int version) {
        return RestResponse.ResponseBuilder.<Void>noContent().header("ETag", IfMatch.etag(version)).build();
    }

    public static <T> RestResponse<Page<T>> page(UriInfo uri, Page<T> page) {
        RestResponse.ResponseBuilder<Page<T>> response = RestResponse.ResponseBuilder.ok(page);
        if (page.nextCursor() != null) {
            response.header("Link", Links.next(uri, "cursor", page.nextCursor()));
        }
        return response.build();
    }
}
