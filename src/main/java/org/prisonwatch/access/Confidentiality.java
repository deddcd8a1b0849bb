package org.prisonwatch.access;

/** Who may see a record: everyone, vetted partners and staff, or staff only. */
public enum Confidentiality {
    PUBLIC,
    RESTRICTED,
    CONFIDENTIAL
}
