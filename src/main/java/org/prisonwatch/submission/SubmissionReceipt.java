package org.prisonwatch.submission;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where each record of a submission was made; no field of the records, so that nothing of them is echoed. */
@Schema(name = "SubmissionReceipt", description = "The records a submission created, in the order of its writes")
public record SubmissionReceipt(@Schema(required = true, maxItems = Submission.MAX_WRITES) List<Written> writes) {

    @Schema(name = "SubmissionWritten", description = "One record a submission created")
    public record Written(
            @Schema(required = true, examples = "incidents") SubmittedCollection collection,
            @Schema(required = true) UUID id,
            @Schema(required = true, examples = "1") int version,
            @Schema(required = true, examples = "/api/v1/incidents/0192f8a4-6c3e-7b1a-9d2e-5f4a3b2c1d0e",
                    maxLength = 80, pattern = "^/api/v1/[a-z-]+/[0-9a-f-]{36}$") String location) {
    }
}
