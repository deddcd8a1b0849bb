package org.prisonwatch.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of the audit chain: locked by each appender, so the chain is appended to one writer at a time. */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    static final int ID = 1;

    @Id
    public Integer id;

    @Column(nullable = false)
    public Long seq;

    @Column(nullable = false, length = 64)
    public String hash;

    /**
     * The hash of the latest entry that changed who is pushed writes ({@link AuditAction#changesPushRecipients}):
     * unchanged since a reader last saw it means the recipients it read then are still the recipients.
     */
    @Column(name = "push_recipients_mark", length = 64)
    String pushRecipientsMark;

    void advanceTo(AuditEntry entry) {
        seq = entry.seq;
        hash = entry.hash;
        if (entry.action.changesPushRecipients()) {
            pushRecipientsMark = entry.hash;
        }
    }
}
