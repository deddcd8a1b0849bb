package org.prisonwatch.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters every list endpoint takes. */
public class PageParams {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    @QueryParam("limit")
    @Min(value = 1, message = "must be between 1 and 500")
    @Max(value = MAX_LIMIT, message = "must be between 1 and 500")
    @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50")
    public Integer limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page; opaque, valid only for the same "
            + "list and sort and the caller it was issued to", schema = @Schema(type = SchemaType.STRING,
                    maxLength = Cursors.MAX_CURSOR_CHARS, pattern = Cursors.ALPHABET))
    public String cursor;

    @QueryParam("sort")
    @Parameter(description = "Sort key; prefix with - for descending. Each list documents its keys. "
            + "Ties are broken by id, so paging is stable.", example = "-updatedAt",
            schema = @Schema(type = SchemaType.STRING, maxLength = 41, pattern = "-?[A-Za-z]{1,40}"))
    public String sort;

    public int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
