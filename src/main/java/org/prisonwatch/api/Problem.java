package org.prisonwatch.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail: the body of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "Identifies the problem type", examples = "urn:prisonwatch:problem:validation") String type,
        @Schema(description = "Short summary of the problem type", examples = "Invalid request") String title,
        @Schema(description = "HTTP status code", examples = "400") int status,
        @Schema(description = "What went wrong with this request", examples = "The request has 1 invalid field") String detail,
        @Schema(description = "The request path", examples = "/api/v1/incidents") String instance,
        @Schema(description = "Invalid fields, for validation problems") List<FieldError> errors,
        @Schema(description = "For a refused delete: the live records that still reference the target "
                + "(at most 100)") List<RecordReference> referencedBy) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
