package org.prisonwatch.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of walking the audit chain, on its own or against a checkpoint kept earlier. */
@Schema(requiredProperties = {"intact", "entriesChecked", "headSeq"},
        name = "AuditVerification", description = "Whether every audit entry still has the hash its content and its "
        + "predecessor give it and, against a checkpoint, whether the chain still extends it")
public record AuditVerification(
        @Schema(examples = "false") boolean intact,
        @Schema(description = "How many entries were checked and found sound", examples = "1042") long entriesChecked,
        @Schema(description = "The head the chain was checked up to", examples = "1180") long headSeq,
        @Schema(description = "The entry from which hashes are keyed (HMAC-SHA256); absent when the chain has lost "
                + "it", examples = "1") Long keyedFrom,
        @Schema(description = "The checkpoint's seq, when verifying against a checkpoint", examples = "1100")
        Long checkpointSeq,
        @Schema(description = "The first entry that is missing, altered or out of place; absent when intact",
                examples = "317") Long firstBrokenSeq,
        @Schema(description = "What is wrong with it", examples = "content does not match its hash", maxLength = 500)
        String problem) {

    static AuditVerification intact(ChainWalk walk, Long checkpointSeq) {
        return new AuditVerification(true, walk.entriesChecked(), walk.headSeq(), walk.keyedFrom(), checkpointSeq,
                null, null);
    }

    static AuditVerification broken(ChainWalk walk, Long checkpointSeq, long firstBrokenSeq, String problem) {
        return new AuditVerification(false, walk.entriesChecked(), walk.headSeq(), walk.keyedFrom(), checkpointSeq,
                firstBrokenSeq, problem);
    }
}
