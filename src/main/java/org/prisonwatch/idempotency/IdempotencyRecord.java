package org.prisonwatch.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the service remembers about one Idempotency-Key of one caller: the request, and its response once done. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord {

    @EmbeddedId
    public IdempotencyRecordId id;

    /** SHA-256 of method, path and the request body as parsed: the same request, however it is formatted. */
    @Column(name = "request_hash", nullable = false, length = 64)
    public String requestHash;

    /** Null only inside the transaction of the attempt that holds the key: a committed record always has one. */
    @Column
    public Integer status;

    @Column(name = "response_body", length = 1_000_000)
    public String responseBody;

    @Column(length = 2000)
    public String location;

    @Column(length = 64)
    public String etag;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
