package org.prisonwatch.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become RFC 9457 problem responses. Nothing from an exception's message reaches a
 * client unless this class wrote it: framework and driver messages can carry class names and SQL.
 */
@jakarta.inject.Singleton
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    /** Jackson's serializers and everything under them. */
    private static final String JACKSON_SERIALIZERS = BeanSerializer.class.getPackageName() + ".";
    private static final Set<String> READ_ONLY_FIELDS = Set.of("id", "version", "createdAt", "updatedAt");

    /**
     * The problem a failure answers, as the exception mappers below make it, for a request that reports failures
     * in its body (one per line of a bulk request); null for a failure that is not the caller's.
     */
    public Problem problemOf(Throwable failure, HttpServerRequest request) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            Response response = null;
            if (e instanceof ProblemException p) {
                response = problem(p, request);
            } else if (e instanceof ConstraintViolationException v) {
                response = invalid(v, request);
            } else if (e instanceof JsonProcessingException j) {
                response = unreadableJson(j, request);
            } else if (e instanceof io.quarkus.security.ForbiddenException f) {
                response = forbidden(f, request);
            } else if (e instanceof OptimisticLockException || e instanceof StaleStateException) {
                response = concurrentWrite((RuntimeException) e, request);
            } else if (e instanceof org.hibernate.exception.ConstraintViolationException d) {
                response = duplicate(d, request);
            } else if (isLockLoss(e)) {
                response = lostALock((RuntimeException) e, request);
            }
            if (response != null) {
                return (Problem) response.getEntity();
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.type(), e.getMessage(), e.errors(), e.referencedBy(), request);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return respond(ProblemType.VALIDATION, describeCount(errors.size()), errors, request);
    }

    /** Named separately: quarkus-rest-jackson maps this subtype itself, with an empty body, unless we do. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return unreadableJson(e, request);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        if (HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method()) || aroseWriting(e)) {
            // a GET sends no body to be unreadable, and any request's response is the server's to write
            return unexpected(e, request);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = jsonPath(unknown);
            String message = READ_ONLY_FIELDS.contains(unknown.getPropertyName())
                    ? "is read-only: the server sets it"
                    : "is not a known property";
            return respond(ProblemType.VALIDATION, describeCount(1), List.of(new FieldError(field, message)), request);
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String message = "must be one of " + List.of(format.getTargetType().getEnumConstants());
            return respond(ProblemType.VALIDATION, describeCount(1), List.of(new FieldError(jsonPath(format), message)),
                    request);
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String message = "has the wrong type or format" + expected(mismatch.getTargetType());
            return respond(ProblemType.VALIDATION, describeCount(1),
                    List.of(new FieldError(jsonPath(mismatch), message)), request);
        }
        return respond(ProblemType.MALFORMED_JSON, "The request body is not valid JSON of the expected shape", null,
                request);
    }

    @ServerExceptionMapper
    public Response unreadablePatchResult(MergePatch.ProblemJsonException e, HttpServerRequest request) {
        return unreadableJson((JsonProcessingException) e.getCause(), request);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentWrite(RuntimeException e, HttpServerRequest request) {
        return respond(ProblemType.PRECONDITION_FAILED,
                "The record was changed by another request; read it again and retry with its new ETag", null, request);
    }

    /**
     * A unique rule the database enforced against a concurrent writer, after the service's own check passed: two
     * creates of one externalRef that raced. Which rule it was stays in the log.
     */
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, HttpServerRequest request) {
        LOG.infof("Unique rule %s refused a concurrent write on %s %s", e.getConstraintName(), request.method(),
                request.path());
        return respond(ProblemType.CONFLICT, "A concurrent request stored a record this one would duplicate "
                + "(the same externalRef); read it, then retry", null, request);
    }

    /**
     * A write that lost a lock to a concurrent one (a deadlock the database broke, or a lock it waited on too long):
     * nothing of it was written, and every write here is safe to send again.
     */
    /** Whether a failure, or one it was caused by, is a lock lost to a concurrent write (see {@link #lostALock}). */
    public static boolean causedByLockLoss(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (isLockLoss(e)) {
                return true;
            }
        }
        return false;
    }

    /** The exceptions {@link #lostALock} maps, as its annotation lists them. */
    private static boolean isLockLoss(Throwable e) {
        return e instanceof org.hibernate.exception.LockAcquisitionException
                || e instanceof org.hibernate.PessimisticLockException
                || e instanceof jakarta.persistence.PessimisticLockException
                || e instanceof jakarta.persistence.LockTimeoutException;
    }

    @ServerExceptionMapper({org.hibernate.exception.LockAcquisitionException.class,
            org.hibernate.PessimisticLockException.class, jakarta.persistence.PessimisticLockException.class,
            jakarta.persistence.LockTimeoutException.class})
    public Response lostALock(RuntimeException e, HttpServerRequest request) {
        LOG.infof("%s on %s %s: a concurrent write held what this one needed", e.getClass().getSimpleName(),
                request.method(), request.path());
        return respond(ProblemType.CONFLICT, "The write met a concurrent one and was not applied; send it again",
                null, request);
    }

    /** An anonymous caller on an endpoint that needs a key. */
    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e, HttpServerRequest request) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED,
                        "This operation needs an API key: Authorization: Bearer <key>", null, request))
                .header("WWW-Authenticate", "Bearer realm=\"prisonwatch\"").build();
    }

    /** A known caller whose role may not take this action. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
        return respond(ProblemType.FORBIDDEN, e.getMessage() != null && e.getMessage().startsWith("Your role")
                ? e.getMessage() : "Your role may not take this action", null, request);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_JSON;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (type == null) {
            LOG.warnf("Unmapped HTTP status %d for %s %s", status, request.method(), request.path());
            type = status >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_JSON;
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, request);
        }
        Response problem = respond(type, type.title(), null, request);
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(problem).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return problem;
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (clientHungUp(e)) {
            // not the server's failure, and common on the links field reporters use: no trace, no alarm
            LOG.debugf("The client closed the connection during %s %s", request.method(), request.path());
            return respond(ProblemType.INTERNAL, "The connection was closed", null, request);
        }
        LOG.errorf(e, "Unhandled failure on %s %s", request.method(), request.path());
        return respond(ProblemType.INTERNAL, "The server could not complete the request", null, request);
    }

    /**
     * Whether Jackson failed while writing rather than reading: its generator was the processor, or the failure was
     * raised by a serializer (a getter that throws is wrapped with no processor, so the frames are what tell).
     */
    static boolean aroseWriting(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonGenerator) {
            return true;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith(JACKSON_SERIALIZERS) || type.equals(ObjectWriter.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean clientHungUp(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof io.vertx.core.http.HttpClosedException
                    || cause instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    static Response respond(ProblemType type, String detail, List<FieldError> errors, HttpServerRequest request) {
        return respond(type, detail, errors, null, request);
    }

    static Response respond(ProblemType type, String detail, List<FieldError> errors,
            List<RecordReference> referencedBy, HttpServerRequest request) {
        Problem body = new Problem(type.uri(), type.title(), type.status(), detail, request.path(),
                errors == null || errors.isEmpty() ? null : errors, referencedBy);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String describeCount(int errors) {
        return errors == 1 ? "The request has 1 invalid field" : "The request has " + errors + " invalid fields";
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "";
        }
        return switch (target.getSimpleName()) {
            case "String" -> ": expected a string";
            case "Integer", "Long", "int", "long" -> ": expected an integer";
            case "Double", "double" -> ": expected a number";
            case "Boolean", "boolean" -> ": expected true or false";
            case "LocalDate" -> ": expected a date YYYY-MM-DD";
            case "UUID" -> ": expected a UUID";
            case "List", "Set" -> ": expected an array";
            default -> ": expected an object";
        };
    }

    /** Rebuilds the JSON path (citations[0].sourceId) from Jackson's reference chain. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    /** Drops the method and parameter nodes Hibernate Validator puts in front of the body's own path. */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.BEAN) {
                continue;
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            // container elements are named like "<list element>": their index above is the whole story
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
