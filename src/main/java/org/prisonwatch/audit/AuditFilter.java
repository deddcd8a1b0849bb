package org.prisonwatch.audit;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of GET /audit. */
public class AuditFilter {

    @QueryParam("entity")
    @Size(max = 40)
    @Parameter(description = "Only entries about this kind of record", example = "Casualty")
    public String entity;

    @QueryParam("entityId")
    @Parameter(description = "Only entries about this record")
    public UUID entityId;

    @QueryParam("actorKeyId")
    @Parameter(description = "Only entries by this API key")
    public UUID actorKeyId;

    @QueryParam("action")
    @Parameter(description = "Only this action")
    public AuditAction action;
}
