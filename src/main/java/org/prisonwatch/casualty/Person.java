package org.prisonwatch.casualty;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One identified individual. Identifying: it can endanger the person and their family. */
@Schema(description = "An identified individual. Identifying data: shown only to staff roles, and every read is "
        + "audited.")
public record Person(
        @Size(max = 300) @Schema(examples = "Ko Aung") String name,
        @Size(max = 100) @Schema(examples = "BMW-12345") String prisonerNumber,
        @PositiveOrZero @Max(130) @Schema(examples = "34") Integer age,
        Gender gender,
        @Size(max = 300) @Schema(examples = "Bhamo") String hometown) {
}
