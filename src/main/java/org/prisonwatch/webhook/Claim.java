package org.prisonwatch.webhook;

import java.util.List;
import java.util.UUID;

/**
 * A delivery this worker holds, with what it takes to send it: the body chosen for this attempt and the secrets in
 * force. {@code cancel} is set when the subscription's key has been revoked: it must not be sent.
 */
record Claim(UUID deliveryId, String webhookId, UUID subscriptionId, String url, List<String> secrets,
        String sentAs, String body, int attempt, boolean cancel) {
}
