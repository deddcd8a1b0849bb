package org.prisonwatch.security;

import java.util.UUID;

/**
 * Fired in the transaction that revokes a key, so that what the key's holder was given (a webhook subscription for
 * its audience) stops with it, at once, without this package knowing of it.
 */
public record KeyRevoked(UUID keyId) {
}
