package org.prisonwatch.change;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the change feed. */
@Schema(name = "ChangePage", requiredProperties = {"items", "nextCursor"})
public record ChangePage(
        @Schema(description = "Changes in commit order") List<ChangeView> items,
        @Schema(description = "Pass as after= to read on: the seq of the last entry. Always present: at the end of "
                + "the feed it is the position you asked from, so a client polls until it stops moving and resumes "
                + "from it later. Opaque, and valid only for the caller it was issued to.",
                examples = "D3MenOr5jsafQAITlAJM9WbFM_QWEbLjMzYRAbAtX3QNyIsjR5vEe6Ghy9zsQO0gqWTUVQ")
        String nextCursor) {
}
