package org.prisonwatch.access;

import java.util.Objects;
import java.util.UUID;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.api.Filter;

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

    /**
     * Identifying data (a casualty's person, a source's contact, exact coordinates) reaches staff, and a reporter
     * in their own submissions only: a field key seized at a checkpoint must not give away names it did not send.
     * Anonymous and partner callers never get it, not even from their own records.
     */
    public boolean mayReadIdentifyingDataOf(UUID submittedBy) {
        return seesEverything() || (role == Role.REPORTER && keyId != null && keyId.equals(submittedBy));
    }

    /** Whether a record of this classification and submitter is visible to the caller. */
    public boolean maySee(Confidentiality confidentiality, UUID submittedBy) {
        if (seesEverything()) {
            return true;
        }
        if (submitsOwnRecords() && Objects.equals(submittedBy, keyId)) {
            return true;
        }
        return role == Role.PARTNER ? confidentiality != Confidentiality.CONFIDENTIAL
                : confidentiality == Confidentiality.PUBLIC;
    }

    /** The same rule as {@link #maySee}, as a clause on a list query over entity e. */
    public Filter restrict(Filter filter) {
        return restrict(filter, "e");
    }

    /**
     * The same rule over another alias: for a filter that goes through a reference (casualties by their
     * incident's prison), which must not reach through a record the caller may not see.
     */
    public Filter restrict(Filter filter, String alias) {
        if (seesEverything()) {
            return filter;
        }
        if (role == Role.PARTNER) {
            return filter.always("(" + alias + ".confidentiality <> :hiddenFromPartners or " + alias
                            + ".submittedBy = :caller)")
                    .bind("hiddenFromPartners", Confidentiality.CONFIDENTIAL).bind("caller", keyId);
        }
        if (role == Role.REPORTER) {
            return filter.always("(" + alias + ".confidentiality = :public or " + alias + ".submittedBy = :caller)")
                    .bind("public", Confidentiality.PUBLIC).bind("caller", keyId);
        }
        return filter.always(alias + ".confidentiality = :public").bind("public", Confidentiality.PUBLIC);
    }

    /**
     * Which change feed rows (over RecordChange c) concern a caller who submits no records of their own: records
     * they may see now or could see once, so that a withdrawal reaches them as a DELETE while records they never
     * saw stay unmentioned.
     */
    public Filter restrictChanges(Filter filter) {
        if (seesEverything()) {
            return filter;
        }
        return filter.always(onceVisible());
    }

    /** For a submitter: the feed rows of their own records, each of which they always see. */
    public Filter ownChanges(Filter filter) {
        return filter.always("c.submittedBy = :caller").bind("caller", keyId);
    }

    /** For a submitter: the feed rows of records others submitted that this caller could see once. */
    public Filter othersChanges(Filter filter) {
        return filter.always(onceVisible() + " and (c.submittedBy is null or c.submittedBy <> :caller)")
                .bind("caller", keyId);
    }

    private String onceVisible() {
        return role == Role.PARTNER ? "c.everShared = true" : "c.everPublic = true";
    }

    /** Reporters and partners submit records of their own, and always see and may edit what they submitted. */
    public boolean submitsOwnRecords() {
        return role == Role.REPORTER || role == Role.PARTNER;
    }
}
