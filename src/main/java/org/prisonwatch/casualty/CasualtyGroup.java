package org.prisonwatch.casualty;

/** Who the people counted were. */
public enum CasualtyGroup {
    CONSCRIPTED_INMATE,
    POLITICAL_PRISONER,
    OTHER_INMATE,
    PRISON_STAFF,
    MILITARY,
    RESISTANCE,
    CIVILIAN,
    UNKNOWN
}
