package org.prisonwatch.api;

import jakarta.ws.rs.core.Response.Status;

/** The problem types this API answers with; each has a stable URN clients can switch on. */
public enum ProblemType {
    VALIDATION(Status.BAD_REQUEST, "Invalid request"),
    MALFORMED_JSON(Status.BAD_REQUEST, "Malformed JSON"),
    INVALID_PARAMETER(Status.BAD_REQUEST, "Invalid parameter"),
    UNOPENABLE_SEAL(Status.BAD_REQUEST, "Sealed submission cannot be opened"),
    UNAUTHENTICATED(Status.UNAUTHORIZED, "Unauthenticated"),
    FORBIDDEN(Status.FORBIDDEN, "Forbidden"),
    NOT_FOUND(Status.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(Status.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(Status.NOT_ACCEPTABLE, "Not acceptable"),
    STILL_REFERENCED(Status.CONFLICT, "Still referenced"),
    CONFLICT(Status.CONFLICT, "Conflict"),
    REQUEST_IN_PROGRESS(Status.CONFLICT, "Request in progress"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused"),
    REQUEST_TIMEOUT(Status.REQUEST_TIMEOUT, "Request timeout"),
    FEED_RESTARTED(Status.GONE, "Feed restarted"),
    PRECONDITION_FAILED(Status.PRECONDITION_FAILED, "Precondition failed"),
    PAYLOAD_TOO_LARGE(Status.REQUEST_ENTITY_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(Status.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    INTERNAL(Status.INTERNAL_SERVER_ERROR, "Internal error");

    private final int status;
    private final String title;

    ProblemType(Status status, String title) {
        this(status.getStatusCode(), title);
    }

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:prisonwatch:problem:" + name().toLowerCase().replace('_', '-');
    }
}
