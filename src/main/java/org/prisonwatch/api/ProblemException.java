package org.prisonwatch.api;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/**
 * Thrown anywhere below the resources to end the request with a problem response. It is a
 * WebApplicationException so that parameter converters can throw it and RESTEasy passes it on unchanged.
 */
public class ProblemException extends WebApplicationException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final List<RecordReference> referencedBy;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, null);
    }

    private ProblemException(ProblemType type, String detail, List<FieldError> errors,
            List<RecordReference> referencedBy) {
        super(detail, type.status());
        this.type = type;
        this.errors = errors;
        this.referencedBy = referencedBy;
    }

    /** 409 for a delete that would orphan the given records. */
    public static ProblemException stillReferenced(String label, List<RecordReference> referencedBy) {
        return new ProblemException(ProblemType.STILL_REFERENCED, label + " is still referenced by "
                + referencedBy.size() + (referencedBy.size() == 1 ? " record" : " records")
                + "; delete or re-point them first", null, referencedBy);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "The request has 1 invalid field",
                List.of(new FieldError(field, message)));
    }

    public static ProblemException invalidParameter(String name, String message) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, "Parameter '" + name + "' " + message,
                List.of(new FieldError(name, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public List<RecordReference> referencedBy() {
        return referencedBy;
    }
}
