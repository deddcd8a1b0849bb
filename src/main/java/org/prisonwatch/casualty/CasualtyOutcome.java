package org.prisonwatch.casualty;

/** What happened to the people counted. */
public enum CasualtyOutcome {
    KILLED,
    INJURED,
    MISSING,
    CAPTURED
}
