package org.prisonwatch.caserecord;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An estimate of how many people: any of the bounds, at least one, ordered min <= best <= max. */
@Schema(description = "A number of people as bounds; at least one given, min <= best <= max, none negative. "
        + "An exact figure gives all three equal.", examples = "{\"min\": 40, \"best\": 50, \"max\": 60}")
@ValidCount
public record Count(
        @PositiveOrZero @Max(100_000_000) @Schema(examples = "40") Integer min,
        @PositiveOrZero @Max(100_000_000) @Schema(examples = "50") Integer best,
        @PositiveOrZero @Max(100_000_000) @Schema(examples = "60") Integer max) {
}
