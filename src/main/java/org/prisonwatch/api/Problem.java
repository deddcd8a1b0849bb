package org.prisonwatch.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail: the body of every error response. */
@Schema(requiredProperties = {"type", "title", "status", "detail", "instance"},
        name = "Problem", description = "RFC 9457 problem details, served as application/problem+json")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "Identifies the problem type", examples = "urn:prisonwatch:problem:validation",
                format = "uri", maxLength = 100) String type,
        @Schema(description = "Short summary of the problem type", examples = "Invalid request", maxLength = 100)
        String title,
        @Schema(description = "HTTP status code", examples = "400") int status,
        @Schema(description = "What went wrong with this request", examples = "The request has 1 invalid field",
                maxLength = MAX_DETAIL) String detail,
        @Schema(description = "The request path", examples = "/api/v1/incidents", maxLength = MAX_INSTANCE,
                format = "uri-reference")
        String instance,
        @Schema(description = "Invalid fields, for validation problems (the first " + MAX_ERRORS + ")",
                maxItems = MAX_ERRORS) List<FieldError> errors,
        @Schema(description = "For a refused delete: the live records that still reference the target "
                + "(at most 100)", maxItems = 100) List<RecordReference> referencedBy) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static final int MAX_DETAIL = 2000;
    static final int MAX_INSTANCE = 2048;
    static final int MAX_ERRORS = 100;

    /**
     * A path as sent is ASCII (anything else arrives percent-encoded): cut at a slash, it stays a valid
     * reference to the resource's ancestor, where a cut anywhere could split an escape.
     */
    private static String clipPath(String path) {
        if (path == null || path.length() <= MAX_INSTANCE) {
            return path;
        }
        int slash = path.lastIndexOf('/', MAX_INSTANCE - 1);
        return path.substring(0, Math.max(slash, 1));
    }

    /** A detail may quote what the caller sent; a problem never echoes more than its bounds, however much came. */
    public Problem {
        detail = FieldError.clip(detail, MAX_DETAIL);
        instance = clipPath(instance);
        errors = errors == null || errors.size() <= MAX_ERRORS ? errors : List.copyOf(errors.subList(0, MAX_ERRORS));
    }
}
