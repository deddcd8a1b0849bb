package org.prisonwatch.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items and the opaque cursor of the next page (null on the last page). */
public record Page<T>(
        @Schema(description = "The records of this page, in the requested order", maxItems = PageParams.MAX_LIMIT)
        List<T> items,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Pass as cursor= to get the next page; null when this is the last page. "
                + "Opaque: it continues only this list in this sort, for the caller it was issued to",
                nullable = true, examples = "zrWIUJgKlVcAd_3RImPGbf_8r5oJpSMsoD7iEZSbHLwhO6u6YmpEP4hM188",
                maxLength = Cursors.MAX_CURSOR_CHARS, pattern = Cursors.ALPHABET)
        String nextCursor) implements PageBody {
}
