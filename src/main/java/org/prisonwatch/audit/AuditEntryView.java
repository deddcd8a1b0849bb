package org.prisonwatch.audit;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit entry as the API returns it. */
@Schema(requiredProperties = {"seq", "action", "entity", "occurredAt", "previousHash", "hash"},
        name = "AuditEntry", description = "Who did what to which record, and the hashes that chain the log")
public record AuditEntryView(
        @Schema(description = "Position in the chain, from 1", examples = "42") Long seq,
        @Schema(description = "The API key that acted; absent for anonymous callers and the system")
        UUID actorKeyId,
        AuditAction action,
        @Schema(examples = "Casualty", enumeration = {"Prison", "Source", "Incident", "ArmedInmateReport",
                "Casualty", "ApiKey", "Webhook", KeyedHashingMark.ENTITY}) String entity,
        UUID entityId,
        @Schema(description = "The record's version after the action; for a read, the version shown",
                examples = "2") Integer recordVersion,
        @Schema(description = "When it happened. A read of identifying data is linked into the chain shortly after "
                + "it happened, so its time may be earlier than that of the entry before it",
                examples = "2026-01-04T09:30:00Z") Instant occurredAt,
        @Schema(examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", maxLength = 64,
                pattern = "[0-9a-f]{64}") String previousHash,
        @Schema(examples = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", maxLength = 64,
                pattern = "[0-9a-f]{64}") String hash) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.seq, e.actorKeyId, e.action, e.entity, e.entityId, e.recordVersion, e.occurredAt,
                e.previousHash, e.hash);
    }
}
