package org.prisonwatch.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A webhook subscription as stored; its secrets sealed ({@link SigningSecrets}). */
@Entity
@Table(name = "webhook_subscription")
public class Subscription {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(nullable = false, length = 2048)
    public String url;

    /** The PARTNER key whose audience payloads are rendered for; null for anonymous callers. */
    @Column(name = "api_key_id")
    public UUID apiKeyId;

    /** The feed's entity names, comma-separated; null for every kind. */
    @Column(length = 200)
    public String entities;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_reason", length = 300)
    public String disabledReason;

    @Column(nullable = false, length = 200)
    public String secret;

    @Column(name = "previous_secret", length = 200)
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** From 1, as every version the API shows. */
    @Version
    @Column(nullable = false)
    public Integer version = 1;
}
