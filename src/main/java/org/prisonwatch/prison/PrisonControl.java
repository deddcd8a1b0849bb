package org.prisonwatch.prison;

/** Which side holds the place now. */
public enum PrisonControl {
    MILITARY,
    RESISTANCE,
    CONTESTED,
    UNKNOWN
}
