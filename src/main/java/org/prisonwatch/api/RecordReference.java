package org.prisonwatch.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A record that points at the one being deleted, named by its collection and id. */
@Schema(requiredProperties = {"collection", "id"},
        description = "A record that still references the target of a refused delete")
public record RecordReference(
        @Schema(examples = "incidents", enumeration = {"prisons", "sources", "incidents", "armed-inmate-reports",
                "casualties"}) String collection,
        @Schema(examples = "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f") UUID id) {
}
