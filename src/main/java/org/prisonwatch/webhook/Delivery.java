package org.prisonwatch.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** One event for one subscription: its stored body and where it stands. Its id is the webhook-id. */
@Entity
@Table(name = "webhook_delivery")
public class Delivery {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    /** The write's audit sequence number, the commit order; null for a ping. */
    public Long position;

    @Column(name = "event_type", nullable = false, length = 24)
    public String eventType;

    /** The feed's entity name (INCIDENT); null for a ping. */
    @Column(length = 40)
    public String entity;

    @Column(name = "entity_id")
    public UUID entityId;

    @Column(name = "record_version")
    public Integer recordVersion;

    @Column(nullable = false, length = 1_000_000)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "schedule_step", nullable = false)
    public int scheduleStep;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "claimed_by", length = 64)
    public String claimedBy;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The webhook-id header: the same on every attempt. */
    public String webhookId() {
        return "msg_" + id;
    }
}
