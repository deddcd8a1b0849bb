package org.prisonwatch.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A record's place in the change feed: the audit sequence number of its latest write, and who could ever see it.
 * One row per record; each write moves it to the end of the feed.
 */
@Entity
@Table(name = "record_change")
public class RecordChange {

    @Id
    @Column(name = "entity_id")
    public UUID entityId;

    @Column(nullable = false, length = 40)
    public String entity;

    @Column(nullable = false)
    public Long seq;

    @Column(name = "submitted_by")
    public UUID submittedBy;

    /** Whether anonymous callers could see any version of the record: they hear of its withdrawal. */
    @Column(name = "ever_public", nullable = false)
    public boolean everPublic;

    /** Whether partners could see any version of the record. */
    @Column(name = "ever_shared", nullable = false)
    public boolean everShared;

    /** The record's place in anonymous callers' feeds: moves only with writes they may see, and its withdrawal. */
    @Column(name = "public_seq", nullable = false)
    public Long publicSeq;

    /** The record's place in partners' feeds, likewise. */
    @Column(name = "shared_seq", nullable = false)
    public Long sharedSeq;

    /** Whether anonymous callers could see the record after its latest write. */
    @Column(name = "last_public", nullable = false)
    public boolean lastPublic;

    /** Whether partners could see the record after its latest write. */
    @Column(name = "last_shared", nullable = false)
    public boolean lastShared;
}
