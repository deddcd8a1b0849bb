package org.prisonwatch.armedinmate;

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

/** An armed-inmate report as the API returns it. */
@Schema(requiredProperties = {"id", "version", "createdAt", "updatedAt", "prisonId", "reportedOn", "coercion", "verificationStatus", "confidentiality"},
        name = "ArmedInmateReport", description = "A sourced claim that inmates of a prison were armed or made to fight")
public record ArmedInmateReportView(
        @Schema(examples = "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f") UUID id,
        @Schema(examples = "1") Integer version,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant createdAt,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant updatedAt,
        UUID prisonId,
        UUID incidentId,
        @Schema(examples = "2025-06-12") LocalDate reportedOn,
        @Schema(examples = "2023-01-01") LocalDate periodFrom,
        @Schema(examples = "2025-06-12") LocalDate periodTo,
        Count inmatesArmed,
        List<InmateCategory> inmateCategories,
        List<Inducement> inducements,
        List<InmateRole> roles,
        Coercion coercion,
        Boolean usedInCombat,
        VerificationStatus verificationStatus,
        Confidentiality confidentiality,
        List<Citation> citations,
        String notes,
        @Schema(examples = "kachin-monitor:AIR-2025-007") String externalRef,
        @Schema(description = ZawgyiOriginals.DESCRIPTION, examples = "{\"/notes\": \"ေထာင္ဒဏ္ကာလ ေလ်ွာ့ေပးမည္ဟု ကတိေပးခဲ့သည္။\"}")
        Map<String, String> zawgyiOriginals) implements VersionedView {
}
