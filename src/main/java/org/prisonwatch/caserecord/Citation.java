package org.prisonwatch.caserecord;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One source's attribution of a record's facts, graded on the Admiralty scale. */
@Schema(description = "Attribution of this record to one source. Several citations record corroboration or "
        + "conflicting claims.")
public record Citation(
        @NotNull @Schema(description = "The source that reported it", required = true,
                examples = "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f") UUID sourceId,
        @Schema(description = "Reliability of the source for this claim (Admiralty A-F)", examples = "B")
        Reliability reliability,
        @Min(1) @Max(6) @Schema(description = "Credibility of the information: 1 confirmed, 2 probably true, "
                + "3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged", examples = "2") Integer credibility,
        @Schema(description = "When the source published it", examples = "2025-06-12") LocalDate publishedOn,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        @Schema(description = "Where it was published; stored as text and never fetched by the server",
                examples = "https://example.org/news/ppnm-kachin-prisons") String url,
        @Size(max = 4000) @Schema(description = "The words of the source that support the record",
                examples = "the military is forcing criminal inmates from Banmaw and Myitkyina prisons to take up arms")
        String excerpt) {

    public static final int MAX_PER_RECORD = 50;
}
