package org.prisonwatch.submission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a sealed submission holds once opened: records to create together, in order, or none of them. */
@Schema(name = "Submission", description = "The plaintext of a sealed submission")
public record Submission(
        @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be the SHA-256 of the sending key, in lowercase hex")
        @Schema(required = true, description = "SHA-256 (hex) of the API key that seals and will send it: a copy "
                + "of the item sent with any other key is refused", examples = "3f1c…") String sealedFor,
        @NotNull @Size(min = 1, max = MAX_WRITES) @Schema(required = true) List<@NotNull @Valid SubmittedWrite> writes,
        @Size(max = 65_536) @Schema(description = "Ignored: spaces a device adds so that the size of a sealed item "
                + "says less about how much was typed into it") String padding) {

    /** An incident, its report, a source and the casualties of one event, with room to spare. */
    public static final int MAX_WRITES = 64;
}
