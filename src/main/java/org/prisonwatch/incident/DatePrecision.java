package org.prisonwatch.incident;

/** How precisely the date of an incident is known. */
public enum DatePrecision {
    DAY,
    MONTH,
    YEAR,
    RANGE
}
