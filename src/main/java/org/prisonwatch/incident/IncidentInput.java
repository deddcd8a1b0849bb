package org.prisonwatch.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.caserecord.ChronologicalRange;
import org.prisonwatch.caserecord.Citation;
import org.prisonwatch.caserecord.ClassifiedInput;
import org.prisonwatch.caserecord.Count;
import org.prisonwatch.caserecord.ExternalRef;
import org.prisonwatch.caserecord.ExternallyReferenced;
import org.prisonwatch.caserecord.VerifiableInput;
import org.prisonwatch.caserecord.VerificationStatus;

/** The editable fields of an incident. */
@Schema(name = "IncidentInput", description = "An incident, as a client writes it")
@ChronologicalRange(from = "occurredFrom", to = "occurredTo")
public record IncidentInput(
        @NotNull @Schema(required = true, examples = "COMBAT_CASUALTIES") IncidentType type,
        @NotBlank @Size(max = 500) @Schema(required = true,
                examples = "Armed inmates of Banmaw prison deployed against KIA attack") String title,
        @Size(max = 20000) String description,
        @Schema(description = "The prison, when it happened at or concerns one") UUID prisonId,
        @Size(max = 300) @Schema(examples = "Bhamo, Kachin State") String locationName,
        @DecimalMin("-90") @DecimalMax("90") @Schema(examples = "24.2656") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") @Schema(examples = "97.2343") Double longitude,
        @NotNull @Schema(required = true, description = "Earliest possible date", examples = "2025-01-01")
        LocalDate occurredFrom,
        @Schema(description = "Latest possible date; defaults to occurredFrom (an exact date)",
                examples = "2025-12-31") LocalDate occurredTo,
        @Schema(description = "Defaults to DAY when the dates are equal, RANGE otherwise") DatePrecision datePrecision,
        @Schema(examples = "2025-06-12") LocalDate reportedOn,
        @Size(max = 20) @Schema(examples = "[\"Myanmar military\"]")
        List<@NotBlank @Size(max = 300) String> perpetrators,
        @Size(max = 20) @Schema(examples = "[\"Kachin Independence Army (KIA)\"]")
        List<@NotBlank @Size(max = 300) String> opposingForces,
        @Valid Count peopleAffected,
        @Schema(description = "Defaults to REPORTED") VerificationStatus verificationStatus,
        @Schema(description = "Defaults to RESTRICTED") Confidentiality confidentiality,
        @Size(max = Citation.MAX_PER_RECORD) List<@NotNull @Valid Citation> citations,
        @ExternalRef @Schema(description = "A partner system's own id for this record", examples = "kachin-monitor:INC-2025-031")
        String externalRef) implements ClassifiedInput, VerifiableInput, ExternallyReferenced {

    public IncidentInput {
        occurredTo = occurredTo == null ? occurredFrom : occurredTo;
        datePrecision = datePrecision != null ? datePrecision
                : occurredFrom != null && occurredFrom.equals(occurredTo) ? DatePrecision.DAY : DatePrecision.RANGE;
        perpetrators = perpetrators == null ? List.of() : perpetrators;
        opposingForces = opposingForces == null ? List.of() : opposingForces;
        verificationStatus = verificationStatus == null ? VerificationStatus.REPORTED : verificationStatus;
        confidentiality = confidentiality == null ? Confidentiality.RESTRICTED : confidentiality;
        citations = citations == null ? List.of() : citations;
    }
}
