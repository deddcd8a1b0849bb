package org.prisonwatch.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid input field of a validation problem. */
@Schema(description = "One invalid field of the request")
public record FieldError(
        @Schema(description = "JSON path of the field (dotted, with list indexes)", examples = "occurredTo") String field,
        @Schema(description = "What is wrong with it", examples = "must not be before occurredFrom") String message) {
}
