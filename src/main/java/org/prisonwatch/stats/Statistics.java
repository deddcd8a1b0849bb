package org.prisonwatch.stats;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A statistic as the caller may see it. */
@Schema(description = "Counts summed by group, over the records the caller may see")
public record Statistics(
        @Schema(required = true, examples = "casualties", enumeration = {"incidents", "armed-inmates", "casualties"})
        String subject,
        @Schema(required = true, description = "The dimensions grouped by, in the order asked", examples = "[\"prison\"]",
                maxItems = StatsService.MAX_DIMENSIONS)
        List<String> groupBy,
        @Schema(description = "The first day counted, as applied (for anonymous and partner callers, the start of "
                + "its period)", examples = "2025-01-01") LocalDate from,
        @Schema(description = "The last day counted, as applied", examples = "2025-12-31") LocalDate to,
        @Schema(required = true, examples = "false") boolean verifiedOnly,
        @Schema(required = true) Suppression suppression,
        @Schema(required = true) List<StatsRow> rows) {

    /** Whether small groups were withheld for this caller, and below how many records. */
    @Schema(description = "Small-cell protection: applied for anonymous and partner callers")
    public record Suppression(
            @Schema(required = true, examples = "true") boolean applied,
            @Schema(description = "Groups resting on fewer records than this are withheld", examples = "5")
            Integer minRecords) {
    }
}
