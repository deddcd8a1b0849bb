package org.prisonwatch.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of walking the whole audit chain. */
@Schema(name = "AuditVerification", description = "Whether every audit entry still has the hash its content and its "
        + "predecessor give it")
public record AuditVerification(
        @Schema(examples = "false") boolean intact,
        @Schema(description = "How many entries were checked", examples = "1042") long entriesChecked,
        @Schema(description = "The first entry whose content, hash or link does not match; absent when intact",
                examples = "317") Long firstBrokenSeq,
        @Schema(description = "What is wrong with it", examples = "content does not match its hash") String problem) {
}
