package org.prisonwatch.armedinmate;

/** What armed inmates were made to do. */
public enum InmateRole {
    PRISON_SECURITY,
    FRONTLINE_COMBAT,
    PORTER,
    HUMAN_SHIELD,
    OTHER
}
