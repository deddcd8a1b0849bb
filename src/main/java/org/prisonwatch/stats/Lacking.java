package org.prisonwatch.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many of a row's counts had no value for each bound (they contributed nothing to its sum). */
@Schema(description = "How many of the row's counts lacked each bound: they add nothing to that bound's sum")
public record Lacking(
        @Schema(required = true, examples = "1") long min,
        @Schema(required = true, examples = "0") long best,
        @Schema(required = true, examples = "2") long max) {
}
