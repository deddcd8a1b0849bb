package org.prisonwatch.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a delivery (CONTRACT section 7). */
@Schema(description = "The body of a webhook delivery: a POST with the Standard Webhooks headers webhook-id (the "
        + "same on every retry), webhook-timestamp and webhook-signature.")
public record WebhookEvent(
        @Schema(description = "record.upserted, record.deleted, or webhook.ping",
                example = "record.upserted") String type,
        @Schema(description = "When the write happened") Instant timestamp,
        Data data) {

    static final String UPSERTED = "record.upserted";
    static final String DELETED = "record.deleted";
    static final String PING = "webhook.ping";

    /** The body as it is stored and sent. */
    String json(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook event could not be written as JSON", e);
        }
    }

    /**
     * The record: entity, id and version always; {@code record} as the subscriber's audience saw it at the write,
     * absent on deletions (and on a record the subscriber may no longer see, which is sent as deleted).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(
            @Schema(example = "INCIDENT") String entity,
            UUID id,
            Integer version,
            Object record) {
    }
}
