package org.prisonwatch.casualty;

/** Gender of an identified person, as reported. */
public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
