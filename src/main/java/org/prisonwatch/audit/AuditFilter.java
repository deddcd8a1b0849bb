package org.prisonwatch.audit;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of GET /audit. */
public class AuditFilter {

    /** The stored names of {@link AuditedEntity}, which audit entries carry. */
    static final String STORED_NAMES = "Prison|Source|Incident|ArmedInmateReport|Casualty|ApiKey|Webhook";

    @QueryParam("entity")
    @Pattern(regexp = STORED_NAMES, message = "must be one of Prison, Source, Incident, ArmedInmateReport, "
            + "Casualty, ApiKey, Webhook")
    @Parameter(description = "Only entries about this kind of record, by its stored name: Prison, Source, "
            + "Incident, ArmedInmateReport, Casualty, ApiKey or Webhook", example = "Casualty",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"Prison", "Source", "Incident",
                    "ArmedInmateReport", "Casualty", "ApiKey", "Webhook"}))
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
