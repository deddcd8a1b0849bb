package org.prisonwatch.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery in the log, with its attempts. */
@Schema(name = "WebhookDelivery", requiredProperties = {"id", "webhookId", "type", "status", "attempts",
        "createdAt"})
public record DeliveryView(
        UUID id,
        @Schema(description = "The webhook-id header it is sent with, the same on every attempt",
                examples = "msg_01933ab4-7c56-7000-a8db-3e2b1c4d5e6f", maxLength = 40,
                pattern = "^msg_[0-9a-f-]{36}$") String webhookId,
        @Schema(enumeration = {"record.upserted", "record.deleted", "webhook.ping"}, examples = "record.upserted")
                String type,
        @Schema(description = "The kind of record, as the change feed names it; absent for a ping",
                enumeration = {"PRISON", "SOURCE", "INCIDENT", "ARMED_INMATE_REPORT", "CASUALTY"},
                examples = "INCIDENT") String entity,
        UUID entityId,
        Integer recordVersion,
        @Schema(description = "PENDING, DELIVERED, FAILED or CANCELLED", examples = "DELIVERED") DeliveryStatus status,
        Instant createdAt,
        @Schema(description = "When it is next tried, while PENDING") Instant nextAttemptAt,
        Instant finishedAt,
        @Schema(description = "Its latest attempts, oldest first (at most " + DeliveryView.ATTEMPTS_SHOWN + ")",
                maxItems = DeliveryView.ATTEMPTS_SHOWN) List<AttemptView> attempts) {

    static final int ATTEMPTS_SHOWN = 50;

    /** One attempt to send a delivery. */
    @Schema(name = "WebhookAttempt", requiredProperties = {"attempt", "attemptedAt", "sentAs", "latencyMs",
            "succeeded"})
    public record AttemptView(
            @Schema(examples = "1") int attempt,
            Instant attemptedAt,
            @Schema(description = "What was sent: the stored event, or record.deleted for a record the subscriber "
                    + "could no longer see", enumeration = {"record.upserted", "record.deleted", "webhook.ping"},
                    examples = "record.upserted") String sentAs,
            @Schema(description = "The target's HTTP status; absent when there was no answer", examples = "200")
                    Integer statusCode,
            @Schema(examples = "84") int latencyMs,
            boolean succeeded,
            @Schema(description = "Why it failed without an answer, or why the answer is a failure",
                    examples = "no answer within 10 s", maxLength = 500) String error,
            @Schema(description = "The start of the target's answer", examples = "ok", maxLength = 500)
                    String responseExcerpt) {

        static AttemptView of(Attempt a) {
            return new AttemptView(a.attempt, a.attemptedAt, a.sentAs, a.statusCode, a.latencyMs, a.succeeded,
                    a.error, a.responseExcerpt);
        }
    }

    static DeliveryView of(Delivery d, List<Attempt> attempts) {
        return new DeliveryView(d.id, d.webhookId(), d.eventType, d.entity, d.entityId, d.recordVersion, d.status,
                d.createdAt, d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.finishedAt,
                attempts.subList(Math.max(0, attempts.size() - ATTEMPTS_SHOWN), attempts.size()).stream()
                        .map(AttemptView::of).toList());
    }
}
