package org.prisonwatch.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** One attempt to send a delivery, for the delivery log. */
@Entity
@Table(name = "webhook_attempt")
public class Attempt {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "sent_as", nullable = false, length = 24)
    public String sentAs;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "latency_ms", nullable = false)
    public int latencyMs;

    @Column(nullable = false)
    public boolean succeeded;

    @Column(length = 500)
    public String error;

    @Column(name = "response_excerpt", length = 1000)
    public String responseExcerpt;

    /** The log's row for an attempt that came to this outcome. */
    static Attempt of(UUID deliveryId, int number, String sentAs, WebhookSender.Outcome outcome, Instant at) {
        Attempt attempt = new Attempt();
        attempt.deliveryId = deliveryId;
        attempt.attempt = number;
        attempt.attemptedAt = at;
        attempt.sentAs = sentAs;
        attempt.statusCode = outcome.statusCode();
        attempt.latencyMs = outcome.latencyMs();
        attempt.succeeded = outcome.succeeded();
        attempt.error = outcome.error();
        attempt.responseExcerpt = outcome.excerpt();
        return attempt;
    }
}
