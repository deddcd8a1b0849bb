package org.prisonwatch.caserecord;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;
import org.prisonwatch.burmese.ZawgyiOriginals;
import org.prisonwatch.gate.GatedRecord;

/**
 * What every stored record has: a time-ordered id, an optimistic-locking version starting at 1 (the ETag),
 * timestamps, and the soft-delete mark that hides it from reads.
 */
@MappedSuperclass
public abstract class VersionedEntity implements GatedRecord {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Version
    @Column(nullable = false)
    public Integer version = 1;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /**
     * What writers typed in Zawgyi where it was stored converted to Unicode, as {@code ZawgyiOriginals} hold it. The
     * column holds up to ZawgyiOriginals.MAX_STORED characters (V15); the length here only has Hibernate expect a
     * varchar, which it stops doing on H2 beyond 1,048,576.
     */
    @Column(name = "zawgyi_originals", length = 1_048_576)
    public String zawgyiOriginals;

    /** Marks a write; also makes the row dirty so that its version moves on with every write. */
    public void touch() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }

    /**
     * After a write of the record's fields: keeps what was typed in Zawgyi as long as it still stands behind them
     * (see {@link ZawgyiOriginals#after}).
     *
     * @param written what this write converted
     * @param before the record's editable fields before the write (all empty for a new record)
     * @param after the record's editable fields as now written
     */
    public void keepZawgyiStanding(ZawgyiOriginals written, JsonNode before, JsonNode after) {
        zawgyiOriginals = ZawgyiOriginals.read(zawgyiOriginals).after(written, before, after).stored();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public Integer version() {
        return version;
    }
}
