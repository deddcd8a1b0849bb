package org.prisonwatch.armedinmate;

/** Who among the inmates was armed. */
public enum InmateCategory {
    LONG_TERM_CRIMINAL,
    FORMER_SOLDIER,
    FORMER_POLICE,
    POLITICAL_PRISONER,
    OTHER
}
