package org.prisonwatch.incident;

/**
 * How an incident's uncertain date range meets the from/to filter. The constants are lower-case because they
 * are the literal query values of the contract (dateMatch=overlaps|within).
 */
public enum DateMatch {
    /** Possibly in the range: the incident's date range overlaps it. */
    overlaps,
    /** Certainly in the range: the incident's whole date range lies inside it. */
    within
}
