package org.prisonwatch.gate;

import java.util.UUID;
import org.prisonwatch.access.Confidentiality;

/** What the gate must know of a stored record to decide what a caller gets of it. */
public interface GatedRecord {

    UUID id();

    Integer version();

    /** Null for reference data that everyone reads (prisons). */
    default Confidentiality confidentiality() {
        return null;
    }

    /** The key that submitted the record, if any. */
    default UUID submittedBy() {
        return null;
    }
}
