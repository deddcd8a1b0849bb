package org.prisonwatch.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.prisonwatch.access.Role;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemType;
import org.prisonwatch.idempotency.IdempotencyKeyHeader;
import org.prisonwatch.idempotency.IdempotentPosts;
import org.prisonwatch.security.KeyInForce;

/** HTTP in, HTTP out for /api/v1/sealed-submissions: what a reporter's phone sealed so that it cannot read it back. */
@Path(SealedSubmissionResource.PATH)
@Tag(name = "Sealed submissions", description = "Records sealed on a reporter's device to the service's public key")
public class SealedSubmissionResource {

    public static final String PATH = "/api/v1/sealed-submissions";
    public static final String KEY_PATH = PATH + "/key";
    public static final String MEDIA_TYPE = "application/jose";

    private static final String RULES = "The body is a JWE in compact form (RFC 7516) sealed to the key at "
            + KEY_PATH + " with alg RSA-OAEP-256 and enc A256GCM (no zip). Its plaintext is a Submission: records "
            + "to create, in order, each as POST to its collection takes it, and referring to one made earlier in "
            + "the same submission as \"#n\". They are made together or not at all, with the same rules and "
            + "problems as those POSTs; field errors name writes[n].record.field. An Idempotency-Key is required, "
            + "so that the queued item is sent again safely until it is acknowledged. The plaintext names the key "
            + "that sealed it (sealedFor: its SHA-256, hex), and only that key may send it (403 otherwise). The "
            + "answer names the records "
            + "made and repeats none of their fields.";

    @Inject
    SealingKey key;

    @Inject
    SubmissionWrites writes;

    @Inject
    IdempotentPosts idempotent;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    KeyInForce keyInForce;

    @GET
    @PermitAll
    @Path("key")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get the key that submissions are sealed to", description = "The service's RSA public key "
            + "as a JSON Web Key. A device keeps it to seal what it queues; its kid changes only if the service's "
            + "key file is replaced.")
    public PublicSealingKey showSealingKey() {
        return key.publicKey();
    }

    @POST
    @RolesAllowed({Role.Names.REPORTER, Role.Names.ANALYST, Role.Names.ADMIN})
    @Consumes(MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit sealed records", description = RULES)
    @RequestBody(required = true, content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, maxLength = 1_048_576,
                    pattern = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"),
            examples = @ExampleObject(name = "sealed", value = "eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0"
                    + ".OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe.48V1_ALb6US04U3b.5eym8TW_c8SuK0"
                    + "ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ")))
    @APIResponse(responseCode = "201", description = "Every record of the submission was made",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionReceipt.class)),
            headers = @Header(name = IdempotentPosts.REPLAYED_HEADER, description = "true when this is the stored "
                    + "response to an earlier request with the same Idempotency-Key",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "true")))
    public RestResponse<SubmissionReceipt> createSealedSubmission(
            @HeaderParam(IdempotencyKeyHeader.NAME) @Parameter(name = IdempotencyKeyHeader.NAME, required = true,
                    description = "Required: the device makes one when the reporter presses Send and sends the item "
                            + "with it until it is acknowledged; a retry gets the first response again and creates "
                            + "nothing. 1 to 255 visible ASCII characters; scoped to the caller's API key; kept 30 days.",
                    example = "5f0c2e1a-8d4b-4f7e-9a63-2b1d0c9e7f44",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255,
                            pattern = "[\\x21-\\x7E]+")) String idempotencyKeyValue,
            String body, HttpServerRequest request) throws IOException {
        IdempotencyKeyHeader idempotencyKey = new IdempotencyKeyHeader();
        idempotencyKey.value = idempotencyKeyValue;
        if (idempotencyKey.value == null) {
            throw ProblemException.invalidParameter(IdempotencyKeyHeader.NAME, "is required: a sealed item is sent "
                    + "again until it is acknowledged, and the key makes that safe");
        }
        Submission submission = opened(body == null ? "" : body);
        refuseIfSealedForAnother(submission);
        writes.check(submission, request);
        return idempotent.post(idempotencyKey, PATH, body,
                () -> RestResponse.status(RestResponse.Status.CREATED, writes.apply(submission, request)));
    }

    /**
     * Opened and checked as a JSON body is: text that is not UTF-8 or not JSON, and invalid fields, are refused as
     * for any request.
     */
    private Submission opened(String body) throws IOException {
        String plaintext;
        try {
            plaintext = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key.open(body)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "What the seal holds is not UTF-8 text");
        }
        Submission submission = mapper.readValue(plaintext, Submission.class);
        if (submission == null) {
            throw ProblemException.invalidField("writes", "must not be null");
        }
        Set<ConstraintViolation<Submission>> violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return submission;
    }

    /**
     * A sealed item names the key that sealed it, so that a copy taken from a phone cannot be sent (and its
     * records then read back as their submitter's) with any other key.
     */
    private void refuseIfSealedForAnother(Submission submission) {
        if (!keyInForce.hasHash(submission.sealedFor())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This item was sealed for another key: only the key "
                    + "that sealed it may send it");
        }
    }
}
