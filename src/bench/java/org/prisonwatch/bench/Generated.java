package org.prisonwatch.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One generated record as the service would hold it after its writes so far: its editable fields (the input record,
 * as JSON in the order the service serialises it), the columns the service sets, and its row in the change feed.
 */
final class Generated {

    final Kind kind;
    final UUID id;
    /** The API key that submitted it; null for prisons, which have no submitter. */
    final UUID submittedBy;
    final Instant createdAt;
    int version = 1;
    Instant updatedAt;
    Instant deletedAt;
    ObjectNode input;
    final FeedRow feed = new FeedRow();

    Generated(Kind kind, UUID id, UUID submittedBy, Instant createdAt, ObjectNode input) {
        this.kind = kind;
        this.id = id;
        this.submittedBy = submittedBy;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.input = input;
    }

    /** The confidentiality level; prisons are reference data that everyone reads. */
    String confidentiality() {
        return input.has("confidentiality") ? input.get("confidentiality").asText() : "PUBLIC";
    }
}
