package org.prisonwatch.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The document-level parts of the spec: the reusable problem responses that {@link ProblemResponsesFilter}
 * attaches to each operation, so every error an operation can return is documented with its schema and an example.
 */
@OpenAPIDefinition(
        info = @Info(title = "PrisonWatch API", version = OpenApiDefinition.API_VERSION,
                description = "Case records of forced prisoner conscription in Myanmar: prisons, incidents, "
                        + "armed-inmate reports, casualties and the sources behind every fact.",
                contact = @Contact(name = "PrisonWatch maintainers", url = "https://github.com/prisonwatch",
                        email = "maintainers@prisonwatch.example"),
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        // relative: the spec is served by the service it describes, behind whatever host and prefix it has; meant
        // for clients outside the deployer's network
        servers = @Server(url = "/", description = "The production service that serves this document, wherever it runs",
                extensions = @Extension(name = "x-internal", value = "false", parseValue = true)),
        tags = {
            @Tag(name = "Service", description = "Where to start: the API's version and its collections"),
            @Tag(name = "Prisons", description = "Places of detention"),
            @Tag(name = "Sources", description = "Who reported the facts: organisations, media, witnesses"),
            @Tag(name = "Incidents", description = "What happened, when and where"),
            @Tag(name = "Armed-inmate reports",
                    description = "Sourced claims that inmates of a prison were armed or made to fight"),
            @Tag(name = "Casualties", description = "People killed, injured, missing or captured in an incident"),
            @Tag(name = "Statistics", description = "Counts summed by group, with small groups withheld from "
                    + "public figures"),
            @Tag(name = "Admin", description = "API keys")
        },
        components = @Components(responses = {
            @APIResponse(name = "BadRequest", description = "Malformed JSON, an unknown or read-only property, a "
                    + "value of the wrong type, a failed validation or a bad parameter",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "validation", value = OpenApiDefinition.BAD_REQUEST))),
            @APIResponse(name = "Unauthenticated", description = "The API key is missing (where one is needed), "
                    + "malformed, unknown or revoked",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unauthenticated",
                                    value = OpenApiDefinition.UNAUTHENTICATED))),
            @APIResponse(name = "Forbidden", description = "The caller's role may not take this action",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "forbidden", value = OpenApiDefinition.FORBIDDEN))),
            @APIResponse(name = "NotFound", description = "No such record, or it was deleted",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "notFound", value = OpenApiDefinition.NOT_FOUND))),
            @APIResponse(name = "StillReferenced", description = "Live records still reference this one",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "stillReferenced",
                                    value = OpenApiDefinition.STILL_REFERENCED))),
            @APIResponse(name = "Conflict", description = "A request with this Idempotency-Key is still running "
                    + "(retry shortly to get its answer), or the write would give you two records with one externalRef",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "inProgress", value = OpenApiDefinition.IN_PROGRESS))),
            @APIResponse(name = "IdempotencyKeyReused", description = "The Idempotency-Key was first used with a "
                    + "different request",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "reused", value = OpenApiDefinition.KEY_REUSED))),
            @APIResponse(name = "PreconditionFailed", description = "If-Match names a version that is no longer "
                    + "current",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "stale", value = OpenApiDefinition.PRECONDITION_FAILED))),
            @APIResponse(name = "PreconditionRequired", description = "The If-Match header is missing",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "missingIfMatch",
                                    value = OpenApiDefinition.PRECONDITION_REQUIRED))),
            @APIResponse(name = "PayloadTooLarge", description = "The request body is larger than the server accepts",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "tooLarge", value = OpenApiDefinition.TOO_LARGE))),
            @APIResponse(name = "UnsupportedMediaType", description = "The body is not of the media type the "
                    + "operation consumes",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unsupported", value = OpenApiDefinition.UNSUPPORTED))),
            @APIResponse(name = "NotAcceptable", description = "None of the media types in Accept can be produced",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "notAcceptable", value = OpenApiDefinition.NOT_ACCEPTABLE))),
            @APIResponse(name = "TooManyRequests", description = "The caller's request budget for this minute is "
                    + "spent; Retry-After gives the seconds to wait",
                    headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Retry-After",
                            description = "Seconds until the next window",
                            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
                                    format = "int32", minimum = "1", maximum = "60")),
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "tooMany", value = OpenApiDefinition.TOO_MANY))),
            @APIResponse(name = "InternalError", description = "An unexpected failure; no details are disclosed",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "internal", value = OpenApiDefinition.INTERNAL)))
        }))
public class OpenApiDefinition extends Application {

    /** The spec's info.version, also served by GET /api/v1. */
    public static final String API_VERSION = "1.0.0";

    static final String BAD_REQUEST = "{\"type\":\"urn:prisonwatch:problem:validation\",\"title\":\"Invalid request\","
            + "\"status\":400,\"detail\":\"The request has 1 invalid field\",\"instance\":\"/api/v1/incidents\","
            + "\"errors\":[{\"field\":\"occurredTo\",\"message\":\"must not be before occurredFrom\"}]}";
    static final String UNAUTHENTICATED = "{\"type\":\"urn:prisonwatch:problem:unauthenticated\","
            + "\"title\":\"Unauthenticated\",\"status\":401,\"detail\":\"The API key is missing, malformed, unknown "
            + "or revoked\",\"instance\":\"/api/v1/incidents\"}";
    static final String FORBIDDEN = "{\"type\":\"urn:prisonwatch:problem:forbidden\",\"title\":\"Forbidden\","
            + "\"status\":403,\"detail\":\"Your role may not take this action\",\"instance\":\"/api/v1/prisons\"}";
    static final String NOT_FOUND = "{\"type\":\"urn:prisonwatch:problem:not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"Incident not found\","
            + "\"instance\":\"/api/v1/incidents/01933ab4-7c56-7000-a8db-3e2b1c4d5e6f\"}";
    static final String STILL_REFERENCED = "{\"type\":\"urn:prisonwatch:problem:still-referenced\","
            + "\"title\":\"Still referenced\",\"status\":409,\"detail\":\"Prison is still referenced by 1 record; "
            + "delete or re-point them first\",\"instance\":\"/api/v1/prisons/01933ab4-7c56-7000-a8db-3e2b1c4d5e6f\","
            + "\"referencedBy\":[{\"collection\":\"incidents\",\"id\":\"01933ab4-9e21-7000-b1c2-4d5e6f708192\"}]}";
    static final String IN_PROGRESS = "{\"type\":\"urn:prisonwatch:problem:request-in-progress\","
            + "\"title\":\"Request in progress\",\"status\":409,\"detail\":\"A request with this Idempotency-Key is "
            + "still running; retry shortly to get its response\",\"instance\":\"/api/v1/incidents\"}";
    static final String KEY_REUSED = "{\"type\":\"urn:prisonwatch:problem:idempotency-key-reused\","
            + "\"title\":\"Idempotency-Key reused\",\"status\":422,\"detail\":\"This Idempotency-Key was first "
            + "used with a different request; a new request needs a new key\",\"instance\":\"/api/v1/incidents\"}";
    static final String PRECONDITION_FAILED = "{\"type\":\"urn:prisonwatch:problem:precondition-failed\","
            + "\"title\":\"Precondition failed\",\"status\":412,\"detail\":\"If-Match \\\"1\\\" does not match the "
            + "current ETag \\\"2\\\": the record changed since you read it\","
            + "\"instance\":\"/api/v1/prisons/01933ab4-7c56-7000-a8db-3e2b1c4d5e6f\"}";
    static final String PRECONDITION_REQUIRED = "{\"type\":\"urn:prisonwatch:problem:precondition-required\","
            + "\"title\":\"Precondition required\",\"status\":428,\"detail\":\"This write needs an If-Match header "
            + "with the record's current ETag, e.g. If-Match: \\\"3\\\"\","
            + "\"instance\":\"/api/v1/prisons/01933ab4-7c56-7000-a8db-3e2b1c4d5e6f\"}";
    static final String TOO_LARGE = "{\"type\":\"urn:prisonwatch:problem:payload-too-large\","
            + "\"title\":\"Payload too large\",\"status\":413,\"detail\":\"Payload too large\","
            + "\"instance\":\"/api/v1/incidents\"}";
    static final String UNSUPPORTED = "{\"type\":\"urn:prisonwatch:problem:unsupported-media-type\","
            + "\"title\":\"Unsupported media type\",\"status\":415,\"detail\":\"Unsupported media type\","
            + "\"instance\":\"/api/v1/incidents\"}";
    static final String NOT_ACCEPTABLE = "{\"type\":\"urn:prisonwatch:problem:not-acceptable\","
            + "\"title\":\"Not acceptable\",\"status\":406,\"detail\":\"Not acceptable\","
            + "\"instance\":\"/api/v1/incidents\"}";
    static final String TOO_MANY = "{\"type\":\"urn:prisonwatch:problem:too-many-requests\","
            + "\"title\":\"Too many requests\",\"status\":429,\"detail\":\"This caller's request budget for the "
            + "current minute is spent; retry after 17 s\",\"instance\":\"/api/v1/incidents\"}";
    static final String INTERNAL = "{\"type\":\"urn:prisonwatch:problem:internal\",\"title\":\"Internal error\","
            + "\"status\":500,\"detail\":\"The server could not complete the request\","
            + "\"instance\":\"/api/v1/incidents\"}";
}
