package org.prisonwatch.prison;

/** Whether the place still holds prisoners. */
public enum PrisonStatus {
    OPERATING,
    EVACUATED,
    CAPTURED,
    DESTROYED,
    UNKNOWN
}
