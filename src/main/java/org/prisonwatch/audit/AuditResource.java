package org.prisonwatch.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.prisonwatch.api.Page;
import org.prisonwatch.api.PageParams;
import org.prisonwatch.api.Responses;
import org.prisonwatch.access.Role;

/** HTTP in, HTTP out for /api/v1/audit. */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "The hash-chained log of every write and every read of identifying data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class AuditResource {

    @Inject
    AuditService audit;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List audit entries", description = "In chain order, keyset-paged (sort may only be seq). "
            + "Entries name actor, action, record and version, never the record's values.")
    public RestResponse<Page<AuditEntryView>> listAuditEntries(@Valid @BeanParam AuditFilter filter,
            @Valid @BeanParam PageParams page) {
        return Responses.page(uri, audit.list(filter, page));
    }

    @GET
    @Path("verify")
    @Operation(summary = "Verify the audit chain", description = "Recomputes every entry's hash and link and "
            + "reports the first entry that was altered, removed or reordered.")
    public AuditVerification verifyAuditLog() {
        return audit.verify();
    }
}
