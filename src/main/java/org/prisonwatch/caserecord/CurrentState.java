package org.prisonwatch.caserecord;

import java.time.Instant;
import java.util.UUID;

/**
 * A record as it is now, for the change feed.
 *
 * @param view the record as the caller may see it; null when it is deleted or hidden from the caller
 */
public record CurrentState<V>(UUID id, int version, Instant changedAt, V view) {
}
