package org.prisonwatch.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** Keys are scoped to the caller: two callers may use the same Idempotency-Key without meeting. */
@Embeddable
public record IdempotencyRecordId(
        @Column(name = "caller_key_id", nullable = false) UUID callerKeyId,
        @Column(name = "idem_key", nullable = false, length = 255) String key) {
}
