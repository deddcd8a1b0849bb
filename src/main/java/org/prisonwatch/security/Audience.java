package org.prisonwatch.security;

import java.util.Objects;
import java.util.UUID;
import org.prisonwatch.api.Filter;
import org.prisonwatch.caserecord.Confidentiality;
import org.prisonwatch.caserecord.ProtectedEntity;

/**
 * Who is asking, as far as visibility goes: the role (null for anonymous) and the key. One place decides which
 * records a caller may see, for single reads and for lists alike.
 */
public record Audience(Role role, UUID keyId) {

    public static final Audience ANONYMOUS = new Audience(null, null);

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** Analysts and admins see every record. */
    public boolean seesEverything() {
        return role == Role.ANALYST || role == Role.ADMIN;
    }

    /** person, source contact and submitter identity never reach anonymous or partner callers. */
    public boolean mayReadIdentifyingData() {
        return role == Role.REPORTER || seesEverything();
    }

    public boolean maySee(ProtectedEntity record) {
        if (seesEverything()) {
            return true;
        }
        if (submitsOwnRecords() && Objects.equals(record.submittedBy, keyId)) {
            return true;
        }
        return role == Role.PARTNER ? record.confidentiality != Confidentiality.CONFIDENTIAL
                : record.confidentiality == Confidentiality.PUBLIC;
    }

    /** The same rule as {@link #maySee}, as a clause on a list query over entity e. */
    public Filter restrict(Filter filter) {
        if (seesEverything()) {
            return filter;
        }
        if (role == Role.PARTNER) {
            return filter.always("(e.confidentiality <> :hiddenFromPartners or e.submittedBy = :caller)")
                    .bind("hiddenFromPartners", Confidentiality.CONFIDENTIAL).bind("caller", keyId);
        }
        if (role == Role.REPORTER) {
            return filter.always("(e.confidentiality = :public or e.submittedBy = :caller)")
                    .bind("public", Confidentiality.PUBLIC).bind("caller", keyId);
        }
        return filter.always("e.confidentiality = :public").bind("public", Confidentiality.PUBLIC);
    }

    /**
     * Which change feed rows (over RecordChange c) concern the caller: records they may see now or could see
     * once, so that a withdrawal reaches them as a DELETE while records they never saw stay unmentioned.
     */
    public Filter restrictChanges(Filter filter) {
        if (seesEverything()) {
            return filter;
        }
        String once = role == Role.PARTNER ? "c.everShared = true" : "c.everPublic = true";
        if (submitsOwnRecords()) {
            return filter.always("(" + once + " or c.submittedBy = :caller)").bind("caller", keyId);
        }
        return filter.always(once);
    }

    /** Reporters and partners submit records of their own, and always see and may edit what they submitted. */
    public boolean submitsOwnRecords() {
        return role == Role.REPORTER || role == Role.PARTNER;
    }
}
