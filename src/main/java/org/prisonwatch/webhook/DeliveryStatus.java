package org.prisonwatch.webhook;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its first attempt or its next one. */
    PENDING,
    DELIVERED,
    /** Its retry schedule ran out, or the target answered 410 Gone; a manual retry queues it again. */
    FAILED,
    /** Its subscription's key was revoked: it is never sent. */
    CANCELLED
}
