package org.prisonwatch.change;

/** What a feed entry asks a replica to do with the record. */
public enum ChangeOp {
    /** Store the record as given, replacing any copy. */
    UPSERT,
    /** Drop any copy: the record was deleted or the caller may no longer see it. */
    DELETE
}
