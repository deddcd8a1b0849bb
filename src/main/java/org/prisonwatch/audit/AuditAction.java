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
    KEY_REVOKE,
    WEBHOOK_CREATE,
    WEBHOOK_UPDATE,
    WEBHOOK_DELETE,
    /** An administrator replaced a webhook's signing secret. */
    WEBHOOK_ROTATE,
    /** An administrator had a delivery (a stored payload) sent again. */
    WEBHOOK_RETRY,
    /**
     * Written once per database by the service itself: from this entry on, every hash is keyed (HMAC-SHA256 with a
     * secret kept outside the database); the entries before it keep the plain SHA-256 hashes they were written with.
     */
    CHAIN_KEYED;

    /**
     * Whether the action changes who is pushed writes: the webhook subscriptions, their entity filters, and the keys
     * whose audiences they are rendered for. Every such change records one of these in its own transaction, so it
     * commits under the chain's lock and moves the head's mark with it; a change that recorded none would go unseen by
     * the instances' outboxes for up to {@code prisonwatch.webhooks.recipients-max-age}.
     */
    public boolean changesPushRecipients() {
        return this == WEBHOOK_CREATE || this == WEBHOOK_UPDATE || this == WEBHOOK_DELETE || this == KEY_REVOKE;
    }
}
