package org.prisonwatch.journal;

import org.prisonwatch.access.Audience;
import org.prisonwatch.access.Role;
import org.prisonwatch.caserecord.ProtectedEntity;
import org.prisonwatch.caserecord.RecordKind;
import org.prisonwatch.caserecord.VersionedEntity;

/**
 * A write as the journal recorded it, for what follows every write ({@link WriteFollower}): the record as written,
 * its audit sequence number (the commit order) and whom it was visible to before this write.
 *
 * @param wasPublic whether anonymous callers could see the record before this write
 * @param wasShared whether partners could see it (records of others) before this write
 */
public record JournalledWrite<E extends VersionedEntity>(RecordKind<E, ?, ?> kind, E record, long seq,
        boolean created, boolean wasPublic, boolean wasShared) {

    /**
     * Whether the audience could see the record before this write: they hear of its withdrawal (a deletion) only
     * if they could. Audiences that follow pushed changes read no identifying data and submit nothing that others
     * hide from them, so a partner's own record was visible to it as long as it existed.
     */
    public boolean wasVisibleTo(Audience audience) {
        if (created) {
            return false;
        }
        if (audience.seesEverything()) {
            return true;
        }
        if (audience.is(Role.PARTNER)) {
            return wasShared || (record instanceof ProtectedEntity own && audience.keyId().equals(own.submittedBy));
        }
        return wasPublic;
    }
}
