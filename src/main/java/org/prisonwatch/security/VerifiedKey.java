package org.prisonwatch.security;

import java.util.UUID;
import org.prisonwatch.access.Role;

/** What a request needs to know about an active key: who it is and what it may do. */
record VerifiedKey(UUID id, Role role) {
}
