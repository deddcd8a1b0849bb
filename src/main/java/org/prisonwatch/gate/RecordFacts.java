package org.prisonwatch.gate;

import java.util.UUID;
import org.prisonwatch.access.Confidentiality;

/** A record's gating facts alone, as a narrow query reads them: enough to decide, not to render. */
public record RecordFacts(UUID id, Integer version, Confidentiality confidentiality, UUID submittedBy)
        implements GatedRecord {
}
