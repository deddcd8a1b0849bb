package org.prisonwatch.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One link of the audit chain. It names who did what to which record; never the record's values. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public Long seq;

    @Column(name = "actor_key_id")
    public UUID actorKeyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public AuditAction action;

    @Column(nullable = false, length = 40)
    public String entity;

    @Column(name = "entity_id")
    public UUID entityId;

    @Column(name = "record_version")
    public Integer recordVersion;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "previous_hash", nullable = false, length = 64)
    public String previousHash;

    @Column(nullable = false, length = 64)
    public String hash;

    /** The next link after the head, happening now: its hash is for the caller to set. */
    static AuditEntry following(AuditHead head, UUID actorKeyId, AuditAction action, String entity, UUID entityId,
            Integer recordVersion) {
        return following(head, actorKeyId, action, entity, entityId, recordVersion,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** The next link after the head, for something that happened at {@code occurredAt} (a read linked later). */
    static AuditEntry following(AuditHead head, UUID actorKeyId, AuditAction action, String entity, UUID entityId,
            Integer recordVersion, Instant occurredAt) {
        AuditEntry entry = new AuditEntry();
        entry.seq = head.seq + 1;
        entry.actorKeyId = actorKeyId;
        entry.action = action;
        entry.entity = entity;
        entry.entityId = entityId;
        entry.recordVersion = recordVersion;
        entry.occurredAt = occurredAt;
        entry.previousHash = head.hash;
        return entry;
    }

    /** What the hash covers: every field and the previous entry's hash. */
    String hashInput() {
        return seq + "|" + actorKeyId + "|" + action + "|" + entity + "|" + entityId + "|" + recordVersion + "|"
                + occurredAt + "|" + previousHash;
    }
}
