package org.prisonwatch.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** One version of a record: its editable fields as JSON, as they were after that write. */
@Entity
@Table(name = "record_version")
public class RecordVersion {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(nullable = false, length = 40)
    public String entity;

    @Column(name = "entity_id", nullable = false)
    public UUID entityId;

    @Column(nullable = false)
    public Integer version;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public boolean deleted;

    @Column(nullable = false, length = 1_000_000)
    public String snapshot;
}
