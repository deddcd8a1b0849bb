package org.prisonwatch.casualty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.burmese.ZawgyiOriginals;
import org.prisonwatch.caserecord.Citation;
import org.prisonwatch.caserecord.Count;
import org.prisonwatch.caserecord.VerificationStatus;
import org.prisonwatch.gate.IdentifyingField;
import org.prisonwatch.gate.IdentifyingView;

/** A casualty record as the API returns it. */
@Schema(requiredProperties = {"id", "version", "createdAt", "updatedAt", "incidentId", "outcome", "group", "count", "verificationStatus", "confidentiality"},
        name = "Casualty", description = "People killed, injured, missing or captured in an incident. An identified "
        + "person is identifying: only callers who may read identifying data get it")
public record CasualtyView(
        @Schema(examples = "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f") UUID id,
        @Schema(examples = "1") Integer version,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant createdAt,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant updatedAt,
        UUID incidentId,
        CasualtyOutcome outcome,
        CasualtyGroup group,
        Count count,
        @Schema(description = "The identified person. Present only for callers who may read identifying data "
                + "(analysts, admins, and a reporter for a casualty they submitted); absent for everyone else")
        Person person,
        @Schema(examples = "2025-03-14") LocalDate occurredOn,
        VerificationStatus verificationStatus,
        Confidentiality confidentiality,
        List<Citation> citations,
        String notes,
        @Schema(examples = "kachin-monitor:CAS-2025-112") String externalRef,
        @Schema(description = ZawgyiOriginals.DESCRIPTION, examples = "{\"/person/hometown\": \"ဗန္းေမာ္\"}")
        Map<String, String> zawgyiOriginals) implements CasualtyResponse, IdentifyingView {

    @Override
    public boolean identifies() {
        return person != null;
    }

    @Override
    public IdentifyingField identifyingField() {
        return IdentifyingField.PERSON;
    }
}
