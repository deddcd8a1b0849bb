package org.prisonwatch.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.prisonwatch.access.Role;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.Problem;
import org.prisonwatch.api.Responses;

/** HTTP in, HTTP out for /api/v1/audit. */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "The hash-chained log of every write and every read of identifying data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class AuditResource {

    private static final String LOST_MARK = "{\"type\":\"urn:prisonwatch:problem:conflict\",\"title\":\"Conflict\","
            + "\"status\":409,\"detail\":\"The audit chain has lost the entry that marks where keyed hashing starts, "
            + "so it has been rewritten: see GET /api/v1/audit/verify, and verify it against a checkpoint kept "
            + "earlier. No checkpoint is signed over it.\",\"instance\":\"/api/v1/audit/checkpoint\"}";

    @Inject
    AuditService audit;

    @Inject
    AuditCheckpoints checkpoints;

    /** Every endpoint here reads the chain: reads still pending are linked first, so none is missing from it. */
    @Inject
    PendingReadLinker pendingReads;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List audit entries", description = "In chain order, keyset-paged (sort may only be seq). "
            + "Entries name actor, action, record and version, never the record's values. Reads of identifying data "
            + "(READ_PERSON, READ_CONTACT) join the chain shortly after the read; any still pending are linked before "
            + "the list is read, so none is missing from it.")
    public RestResponse<Page<AuditEntryView>> listAuditEntries(@Valid @BeanParam AuditFilter filter,
            @Valid @BeanParam PageParams page) {
        pendingReads.linkPending();
        return Responses.page(uri, audit.list(filter, page));
    }

    @GET
    @Path("verify")
    @Operation(summary = "Verify the audit chain", description = "Recomputes every entry's hash (plain SHA-256 "
            + "before the keyed-hashing mark, HMAC-SHA256 from it on) and link, and reports the first entry that was "
            + "altered, removed or reordered. Entries cut from the end, with the head row moved back to match, "
            + "leave a sound chain: only a checkpoint kept earlier reveals them (POST to this path).")
    public AuditVerification verifyAuditLog() {
        pendingReads.linkPending();
        return checkpoints.verify();
    }

    @GET
    @Path("checkpoint")
    @Operation(summary = "Sign the audit chain's head", description = "Signs the head at this moment with the "
            + "service's Ed25519 checkpoint key, which is not in the database. Keep the answer off this server; "
            + "later, POST it to /api/v1/audit/verify to prove that the chain still extends it. The signature can "
            + "also be checked offline: see the AuditCheckpoint schema for the exact bytes signed.")
    @APIResponse(responseCode = "200", description = "The signed checkpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuditCheckpoint.class)))
    @APIResponse(responseCode = "409", description = "The chain has lost its keyed-hashing mark, so it was rewritten; "
            + "no checkpoint is signed over it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "lostMark", value = LOST_MARK)))
    public AuditCheckpoint signAuditCheckpoint() {
        pendingReads.linkPending();
        return checkpoints.take();
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify the audit chain against a checkpoint", description = "Takes a checkpoint from GET "
            + "/api/v1/audit/checkpoint, unchanged. A checkpoint this service did not sign, or one altered since, is "
            + "a 400 naming the field that gives it away (signature, keyId or publicKey). Otherwise the answer says "
            + "whether the chain still extends it: every entry up to the head links and hashes correctly, the head "
            + "is at or after the checkpoint, the entry at its seq still has its headHash, and keyed hashing starts "
            + "where it did. firstBrokenSeq names the first entry where it does not (removed, rewritten, reordered).")
    @APIResponse(responseCode = "200", description = "Whether the chain still extends the checkpoint, and where "
            + "it stops doing so", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuditVerification.class)))
    public AuditVerification verifyAuditLogAgainstCheckpoint(@NotNull @Valid AuditCheckpoint checkpoint) {
        pendingReads.linkPending();
        return checkpoints.verify(checkpoint);
    }
}
