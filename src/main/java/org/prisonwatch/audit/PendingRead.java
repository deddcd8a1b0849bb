package org.prisonwatch.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A read of identifying data that is recorded but not yet linked into the chain: written by the read without the
 * chain's lock, turned into an {@link AuditEntry} by {@link PendingReadLinker}. Like an entry, it names who read
 * which record at which version, never the values read.
 */
@Entity
@Table(name = "audit_pending_read")
class PendingRead {

    /** Arrival order: the order in which rows are linked. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "actor_key_id")
    UUID actorKeyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    AuditAction action;

    @Column(nullable = false, length = 40)
    String entity;

    @Column(name = "entity_id", nullable = false)
    UUID entityId;

    @Column(name = "record_version")
    Integer recordVersion;

    /** When the read happened; the linked entry keeps it. */
    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
}
