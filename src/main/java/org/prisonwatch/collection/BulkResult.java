package org.prisonwatch.collection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.api.Problem;
import org.prisonwatch.caserecord.ExternalRef;

/** What became of one line of a bulk by-reference request. */
@Schema(name = "BulkResult", requiredProperties = {"line", "status", "outcome"},
        description = "One line of the application/x-ndjson answer, for the request line of the same number")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkResult(
        @Schema(description = "The request line this answers, counted from 1 (blank lines are counted, not "
                + "answered)", examples = "1") long line,
        @Schema(description = "The line's externalRef, when it could be read", examples = "kachin-2026-0042",
                maxLength = ExternalRef.MAX_LENGTH) String externalRef,
        @Schema(description = "The status a single PUT …/by-ref/{externalRef} of this line would have answered",
                examples = "201") int status,
        @Schema(description = "created, replaced, unchanged (the record already held these values), or refused "
                + "(see problem)", examples = "created", enumeration = {"created", "replaced", "unchanged",
                "refused"}) String outcome,
        @Schema(description = "The record's id", examples = "7d1f6a52-1f0e-4f7b-9a59-2d5a3c3b8e01") UUID id,
        @Schema(description = "The record's version after this line", examples = "1") Integer version,
        @Schema(description = "Why the line was refused; nothing of it was written") Problem problem) {

    /** The reference is the caller's, echoed: never more of it than a valid one could hold. */
    public BulkResult {
        if (externalRef != null && externalRef.length() > ExternalRef.MAX_LENGTH) {
            externalRef = externalRef.substring(0, ExternalRef.MAX_LENGTH);
        }
    }

    static BulkResult refused(long line, String externalRef, Problem problem) {
        return new BulkResult(line, externalRef, problem.status(), "refused", null, null, problem);
    }
}
