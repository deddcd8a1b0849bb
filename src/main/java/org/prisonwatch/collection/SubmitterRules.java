package org.prisonwatch.collection;

import io.quarkus.security.ForbiddenException;
import org.prisonwatch.access.Audience;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.caserecord.ClassifiedInput;
import org.prisonwatch.caserecord.VerifiableInput;
import org.prisonwatch.caserecord.VerificationStatus;

/**
 * What reporters and partners may decide about their own submissions. Classification and verification belong to
 * analysts: a submitter chooses RESTRICTED or CONFIDENTIAL and never lowers a level an analyst set, may leave a
 * record REPORTED but not verify it, and an edit of theirs to a VERIFIED record returns it to REPORTED.
 */
final class SubmitterRules {

    private SubmitterRules() {
    }

    /**
     * Refuses (403) a classification or verification the submitter may not choose.
     *
     * @param stored the record's editable fields before this write; null on create
     */
    static void check(Audience audience, Object input, Object stored) {
        if (!audience.submitsOwnRecords()) {
            return;
        }
        if (input instanceof ClassifiedInput wanted) {
            Confidentiality before = stored instanceof ClassifiedInput current ? current.confidentiality() : null;
            Confidentiality level = wanted.confidentiality();
            boolean kept = level == before;
            if (!kept && (level == Confidentiality.PUBLIC || (before != null && level.compareTo(before) < 0))) {
                throw new ForbiddenException("Your role may classify a record RESTRICTED or CONFIDENTIAL and may "
                        + "not lower its confidentiality; publishing is for analysts");
            }
        }
        if (input instanceof VerifiableInput wanted) {
            VerificationStatus allowed = stored instanceof VerifiableInput current ? current.verificationStatus()
                    : VerificationStatus.REPORTED;
            if (wanted.verificationStatus() != allowed && wanted.verificationStatus() != VerificationStatus.REPORTED) {
                throw new ForbiddenException("Your role may not change a record's verificationStatus");
            }
        }
    }

    /** Whether this write by a submitter must return the record to REPORTED: it changes what was verified. */
    static boolean unverifies(Audience audience, Object stored) {
        return audience.submitsOwnRecords() && stored instanceof VerifiableInput current
                && current.verificationStatus() == VerificationStatus.VERIFIED;
    }
}
