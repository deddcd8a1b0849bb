package org.prisonwatch.armedinmate;

/** Whether inmates were forced, as far as the source can tell. */
public enum Coercion {
    COERCED,
    CLAIMED_VOLUNTARY,
    UNKNOWN
}
