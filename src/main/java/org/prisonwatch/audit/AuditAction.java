package org.prisonwatch.audit;

/** What an audit entry records. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    /** A response included identifying data about a person. */
    READ_PERSON,
    /** A response included a source's contact details. */
    READ_CONTACT,
    /** An administrator erased a casualty's person from the record, its history and stored responses. */
    ERASE_PERSON,
    /** An administrator erased a source's contact from the record, its history and stored responses. */
    ERASE_CONTACT,
    KEY_ISSUE,
    KEY_REVOKE
}
