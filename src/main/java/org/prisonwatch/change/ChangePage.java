package org.prisonwatch.change;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.api.Cursors;
import org.prisonwatch.api.PageBody;
import org.prisonwatch.api.PageParams;

/** One page of the change feed. */
@Schema(name = "ChangePage", requiredProperties = {"items", "nextCursor"})
public record ChangePage(
        @Schema(description = "Changes in commit order", maxItems = PageParams.MAX_LIMIT) List<ChangeView> items,
        @Schema(description = "Pass as after= to read on: the seq of the last entry. Always present: at the end of "
                + "the feed it is the position you asked from, so a client polls until it stops moving and resumes "
                + "from it later. Opaque, and valid only for the caller it was issued to.",
                examples = "D3MenOr5jsafQAITlAJM9WbFM_QWEbLjMzYRAbAtX3QNyIsjR5vEe6Ghy9zsQO0gqWTUVQ",
                maxLength = Cursors.MAX_CURSOR_CHARS, pattern = Cursors.ALPHABET)
        String nextCursor) implements PageBody {
}
