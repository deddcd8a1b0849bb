package org.prisonwatch.idempotency;

/**
 * A response that carries a secret shown once. Idempotency stores and replays {@link #withoutSecrets()} instead:
 * a replay then lacks the secret, which never rests in the database.
 */
public interface SecretBearing {

    Object withoutSecrets();
}
