package org.prisonwatch.change;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the change feed. */
@Schema(name = "ChangePage", requiredProperties = {"items", "nextCursor"})
public record ChangePage(
        @Schema(description = "Changes in commit order") List<ChangeView> items,
        @Schema(description = "Pass as after= to read on. Always present: at the end of the feed it is the position "
                + "you asked from, so a client polls until it stops moving and resumes from it later.",
                examples = "eyJzIjoiY2hhbmdlcyIsInYiOiI0NzExIiwiaSI6IjAxOTMzYWI0LTdjNTYtNzAwMC1hOGRiLTNlMmIxYzRkNWU2ZiJ9")
        String nextCursor) {
}
