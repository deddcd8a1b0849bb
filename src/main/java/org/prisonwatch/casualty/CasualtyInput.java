package org.prisonwatch.casualty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.caserecord.Citation;
import org.prisonwatch.caserecord.ClassifiedInput;
import org.prisonwatch.caserecord.Count;
import org.prisonwatch.caserecord.ExternalRef;
import org.prisonwatch.caserecord.ExternallyReferenced;
import org.prisonwatch.caserecord.VerifiableInput;
import org.prisonwatch.caserecord.VerificationStatus;

/** The editable fields of a casualty record. */
@Schema(name = "CasualtyInput", description = "A casualty record, as a client writes it")
public record CasualtyInput(
        @NotNull @Schema(required = true, description = "The incident in which it happened") UUID incidentId,
        @NotNull @Schema(required = true, examples = "KILLED") CasualtyOutcome outcome,
        @NotNull @Schema(required = true, examples = "CONSCRIPTED_INMATE") CasualtyGroup group,
        @NotNull @Valid @Schema(required = true) Count count,
        @Valid @Schema(description = "For one identified individual; identifying data") Person person,
        @Schema(examples = "2025-03-14") LocalDate occurredOn,
        @Schema(description = "Defaults to REPORTED") VerificationStatus verificationStatus,
        @Schema(description = "Defaults to RESTRICTED") Confidentiality confidentiality,
        @Size(max = Citation.MAX_PER_RECORD) List<@NotNull @Valid Citation> citations,
        @Size(max = 10000) String notes,
        @ExternalRef @Schema(description = "A partner system's own id for this record",
                examples = "kachin-monitor:CAS-2025-112") String externalRef) implements ClassifiedInput, VerifiableInput, ExternallyReferenced {

    public CasualtyInput {
        verificationStatus = verificationStatus == null ? VerificationStatus.REPORTED : verificationStatus;
        confidentiality = confidentiality == null ? Confidentiality.RESTRICTED : confidentiality;
        citations = citations == null ? List.of() : citations;
    }
}
