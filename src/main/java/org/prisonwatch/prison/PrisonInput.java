package org.prisonwatch.prison;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The editable fields of a prison: the body of POST and PUT, and what a merge patch applies to. */
@Schema(name = "PrisonInput", description = "A place of detention, as a client writes it")
public record PrisonInput(
        @NotBlank @Size(max = 300) @Schema(required = true, examples = "Banmaw Prison") String name,
        @Size(max = 300) @Schema(description = "Name in Burmese script", examples = "ဗန်းမော်အကျဉ်းထောင်") String nameMy,
        @Size(max = 20) @Schema(description = "Other names and spellings", examples = "[\"Bhamo Prison\"]")
        List<@NotBlank @Size(max = 300) String> alternateNames,
        PrisonKind kind,
        @NotBlank @Size(max = 100) @Schema(required = true, description = "State or region", examples = "Kachin")
        String stateRegion,
        @Size(max = 100) @Schema(examples = "Bhamo") String township,
        @Pattern(regexp = "MMR\\d{6}", message = "must be a MIMU township pcode like MMR001010")
        @Schema(description = "MIMU place code of the township", examples = "MMR001010", maxLength = 9)
        String pcode,
        @DecimalMin("-90") @DecimalMax("90") @Schema(examples = "24.2656") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") @Schema(examples = "97.2343") Double longitude,
        PrisonControl controlledBy,
        PrisonStatus status,
        @Schema(examples = "true") Boolean inConflictZone,
        @PositiveOrZero @Max(1_000_000) @Schema(examples = "1200") Integer estimatedPopulation,
        @Size(max = 10000) String notes) {

    public PrisonInput {
        alternateNames = alternateNames == null ? List.of() : alternateNames;
    }
}
