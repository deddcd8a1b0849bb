package org.prisonwatch.collection;

import java.util.UUID;

/** A record just created, named by its id and first version, without its fields. */
public record RecordCreated(UUID id, int version) {
}
