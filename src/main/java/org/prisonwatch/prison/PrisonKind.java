package org.prisonwatch.prison;

/** What kind of place of detention. */
public enum PrisonKind {
    PRISON,
    LABOUR_CAMP,
    INTERROGATION_CENTRE,
    POLICE_LOCKUP,
    OTHER
}
