package org.prisonwatch.audit;

/** What an audit entry records. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    /** A response included identifying data about a person. */
    READ_PERSON,
    KEY_ISSUE,
    KEY_REVOKE
}
