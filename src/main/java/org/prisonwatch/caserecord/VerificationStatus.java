package org.prisonwatch.caserecord;

/** How far a record has been checked against its sources. */
public enum VerificationStatus {
    REPORTED,
    CORROBORATED,
    VERIFIED,
    DISPUTED,
    RETRACTED
}
