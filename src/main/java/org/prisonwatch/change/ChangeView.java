package org.prisonwatch.change;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.api.Cursors;
import org.prisonwatch.armedinmate.ArmedInmateReportView;
import org.prisonwatch.casualty.CasualtyResponse;
import org.prisonwatch.incident.IncidentView;
import org.prisonwatch.prison.PrisonView;
import org.prisonwatch.source.SourceResponse;

/** One entry of the change feed. */
@Schema(name = "Change", description = "The latest committed change to one record, at its position in commit order",
        requiredProperties = {"seq", "entity", "id", "op", "version", "changedAt"})
public record ChangeView(
        @Schema(description = "This entry's position in commit order, opaque: pass it as after= to read on from "
                + "right after this entry. It reveals nothing about changes you may not see.",
                examples = "HjNZP0mF6nsx3X_4zhDk22OZRM5rS-5YJUvyUvhMD0z0xUTcXLFio59b5jdZbpQfnltoyQ",
                maxLength = Cursors.MAX_CURSOR_CHARS, pattern = Cursors.ALPHABET) String seq,
        ChangedEntity entity,
        @Schema(examples = "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f") UUID id,
        ChangeOp op,
        @Schema(description = "The record's version after this change", examples = "3") int version,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant changedAt,
        @Schema(description = "The record now, as the caller may see it; absent when op is DELETE",
                anyOf = {PrisonView.class, SourceResponse.class, IncidentView.class, ArmedInmateReportView.class,
                        CasualtyResponse.class})
        Object record) {
}
