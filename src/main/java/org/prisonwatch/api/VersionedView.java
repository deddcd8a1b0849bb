package org.prisonwatch.api;

import java.util.UUID;

/** What the HTTP layer needs from any record it returns: where it lives and its ETag. */
public interface VersionedView {

    UUID id();

    Integer version();
}
