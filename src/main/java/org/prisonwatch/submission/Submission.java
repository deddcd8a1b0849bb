package org.prisonwatch.submission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a sealed submission holds once opened: records to create together, in order, or none of them. */
@Schema(name = "Submission", description = "The plaintext of a sealed submission")
public record Submission(
        @NotNull @Size(min = 1, max = MAX_WRITES) @Schema(required = true) List<@NotNull @Valid SubmittedWrite> writes) {

    /** An incident, its report, a source and the casualties of one event, with room to spare. */
    public static final int MAX_WRITES = 64;
}
