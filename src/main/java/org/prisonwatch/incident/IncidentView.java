package org.prisonwatch.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.api.VersionedView;
import org.prisonwatch.burmese.ZawgyiOriginals;
import org.prisonwatch.caserecord.Citation;
import org.prisonwatch.caserecord.Count;
import org.prisonwatch.caserecord.VerificationStatus;

/** An incident as the API returns it. */
@Schema(requiredProperties = {"id", "version", "createdAt", "updatedAt", "type", "title", "occurredFrom", "occurredTo", "datePrecision", "verificationStatus", "confidentiality"},
        name = "Incident", description = "What happened, when and where, and who reported it")
public record IncidentView(
        @Schema(examples = "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f") UUID id,
        @Schema(examples = "1") Integer version,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant createdAt,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant updatedAt,
        IncidentType type,
        @Schema(examples = "Armed inmates of Banmaw prison deployed against KIA attack") String title,
        String description,
        UUID prisonId,
        @Schema(examples = "Bhamo, Kachin State") String locationName,
        @Schema(examples = "24.2656") Double latitude,
        @Schema(examples = "97.2343") Double longitude,
        @Schema(examples = "2025-01-01") LocalDate occurredFrom,
        @Schema(examples = "2025-12-31") LocalDate occurredTo,
        DatePrecision datePrecision,
        @Schema(examples = "2025-06-12") LocalDate reportedOn,
        List<String> perpetrators,
        List<String> opposingForces,
        Count peopleAffected,
        VerificationStatus verificationStatus,
        Confidentiality confidentiality,
        List<Citation> citations,
        @Schema(examples = "kachin-monitor:INC-2025-031") String externalRef,
        @Schema(description = ZawgyiOriginals.DESCRIPTION, examples = "{\"/title\": \"ျမစ္ႀကီးနားအက်ဉ္းေထာင္\"}")
        Map<String, String> zawgyiOriginals) implements VersionedView {
}
