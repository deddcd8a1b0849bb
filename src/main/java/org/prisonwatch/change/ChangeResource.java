package org.prisonwatch.change;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.prisonwatch.api.Cursors;
import org.prisonwatch.api.Links;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.Problem;

/** HTTP in, HTTP out for /api/v1/changes. */
@Path("/api/v1/changes")
@Tag(name = "Changes", description = "The change feed partners sync from: every committed change, in commit order")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

    static final String FEED_RESTARTED = "{\"type\":\"urn:prisonwatch:problem:feed-restarted\","
            + "\"title\":\"Feed restarted\",\"status\":410,\"detail\":\"The service was restored from a backup "
            + "since this cursor was issued, so changes you already read may have been rolled back and their "
            + "positions given to new ones. Read the feed again from the start (without after) and replace your copy "
            + "with what it gives\",\"instance\":\"/api/v1/changes\"}";

    @Inject
    ChangeFeed feed;

    @Context
    UriInfo uri;

    @Inject
    FeedLag lag;

    @GET
    @PermitAll
    @Operation(summary = "Read the change feed", description = "Each record appears once, at the position of its "
            + "latest committed change, with its current state as the caller may see it (UPSERT), or as DELETE when "
            + "it was deleted or is no longer visible to the caller. Page with after=nextCursor until nextCursor "
            + "stops moving; resume from it later. No committed change is ever skipped, and applying the feed from "
            + "the start rebuilds exactly what the caller may see.")
    @APIResponse(responseCode = "200", description = "One page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "410", description = "The cursor was issued before the service was restored from a "
            + "backup: read the feed again from the start, without after, and replace your copy with what it gives",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "restarted", value = FEED_RESTARTED)))
    public RestResponse<ChangePage> listChanges(
            @QueryParam("after") @Parameter(description = "The nextCursor of the previous page, or the seq of an "
                    + "entry to read on right after it; omit to start from the beginning",
                    schema = @Schema(type = SchemaType.STRING, maxLength = Cursors.MAX_CURSOR_CHARS,
                            pattern = Cursors.ALPHABET)) String after,
            @QueryParam("limit") @Min(value = 1, message = "must be between 1 and 500")
            @Max(value = PageParams.MAX_LIMIT, message = "must be between 1 and 500")
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "500") Integer limit,
            @QueryParam("entity") @Parameter(description = "Only these kinds of record; repeat for several")
            List<ChangedEntity> entity) {
        int size = limit == null ? PageParams.DEFAULT_LIMIT : limit;
        ChangePage page = feed.read(after, size, entity);
        lag.observe(page);
        RestResponse.ResponseBuilder<ChangePage> response = RestResponse.ResponseBuilder.ok(page);
        if (page.items().size() == size) {
            response.header("Link", Links.next(uri, "after", page.nextCursor()));
        }
        return response.build();
    }
}
