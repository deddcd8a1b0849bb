package org.prisonwatch.caserecord;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.prisonwatch.access.Audience;
import org.prisonwatch.access.Confidentiality;

/** A record whose visibility depends on the caller: its confidentiality and the key that submitted it. */
@MappedSuperclass
public abstract class ProtectedEntity extends VersionedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Confidentiality confidentiality;

    /** The API key that submitted the record: reporters see their own submissions whatever their confidentiality. */
    @Column(name = "submitted_by")
    public UUID submittedBy;

    public boolean visibleTo(Audience audience) {
        return audience.maySee(confidentiality, submittedBy);
    }

    @Override
    public Confidentiality confidentiality() {
        return confidentiality;
    }

    @Override
    public UUID submittedBy() {
        return submittedBy;
    }
}
