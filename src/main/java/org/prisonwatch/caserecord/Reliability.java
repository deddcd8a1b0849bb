package org.prisonwatch.caserecord;

/** Admiralty-scale reliability of a source. */
public enum Reliability {
    /** Completely reliable. */
    A,
    /** Usually reliable. */
    B,
    /** Fairly reliable. */
    C,
    /** Not usually reliable. */
    D,
    /** Unreliable. */
    E,
    /** Reliability cannot be judged. */
    F
}
