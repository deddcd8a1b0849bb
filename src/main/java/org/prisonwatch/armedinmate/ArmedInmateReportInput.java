package org.prisonwatch.armedinmate;

import jakarta.validation.Valid;
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

/** The editable fields of an armed-inmate report. */
@Schema(name = "ArmedInmateReportInput", description = "An armed-inmate report, as a client writes it")
@ChronologicalRange(from = "periodFrom", to = "periodTo")
public record ArmedInmateReportInput(
        @NotNull @Schema(required = true, description = "The prison whose inmates were armed") UUID prisonId,
        @Schema(description = "The incident this report belongs to, if any") UUID incidentId,
        @NotNull @Schema(required = true, examples = "2025-06-12") LocalDate reportedOn,
        @Schema(description = "Start of the period the claim covers", examples = "2023-01-01") LocalDate periodFrom,
        @Schema(description = "End of the period the claim covers", examples = "2025-06-12") LocalDate periodTo,
        @Valid Count inmatesArmed,
        @Size(max = 5) @Schema(examples = "[\"LONG_TERM_CRIMINAL\", \"FORMER_SOLDIER\", \"FORMER_POLICE\"]")
        List<@NotNull InmateCategory> inmateCategories,
        @Size(max = 6) @Schema(examples = "[\"SENTENCE_REDUCTION\", \"RANK_REINSTATEMENT\"]")
        List<@NotNull Inducement> inducements,
        @Size(max = 5) @Schema(examples = "[\"PRISON_SECURITY\", \"FRONTLINE_COMBAT\"]") List<@NotNull InmateRole> roles,
        @Schema(description = "Defaults to UNKNOWN") Coercion coercion,
        @Schema(examples = "true") Boolean usedInCombat,
        @Schema(description = "Defaults to REPORTED") VerificationStatus verificationStatus,
        @Schema(description = "Defaults to RESTRICTED") Confidentiality confidentiality,
        @Size(max = Citation.MAX_PER_RECORD) List<@NotNull @Valid Citation> citations,
        @Size(max = 10000) String notes,
        @ExternalRef @Schema(description = "A partner system's own id for this record",
                examples = "kachin-monitor:AIR-2025-007") String externalRef) implements ClassifiedInput, VerifiableInput, ExternallyReferenced {

    public ArmedInmateReportInput {
        inmateCategories = inmateCategories == null ? List.of() : inmateCategories;
        inducements = inducements == null ? List.of() : inducements;
        roles = roles == null ? List.of() : roles;
        coercion = coercion == null ? Coercion.UNKNOWN : coercion;
        verificationStatus = verificationStatus == null ? VerificationStatus.REPORTED : verificationStatus;
        confidentiality = confidentiality == null ? Confidentiality.RESTRICTED : confidentiality;
        citations = citations == null ? List.of() : citations;
    }
}
