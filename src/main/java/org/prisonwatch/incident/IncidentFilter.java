package org.prisonwatch.incident;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.prisonwatch.caserecord.VerificationStatus;

/** The filters of GET /incidents; all optional, combined with AND. */
public class IncidentFilter {

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "Text in the title, description, place or actors (case-insensitive)",
            example = "Banmaw")
    public String q;

    @QueryParam("type")
    @Parameter(description = "Only incidents of this type")
    public IncidentType type;

    @QueryParam("prisonId")
    @Parameter(description = "Only incidents at this prison")
    public UUID prisonId;

    @QueryParam("stateRegion")
    @Size(max = 100)
    @Parameter(description = "Only incidents at prisons in this state or region", example = "Kachin")
    public String stateRegion;

    @QueryParam("verificationStatus")
    @Parameter(description = "Only incidents with this verification status")
    public VerificationStatus verificationStatus;

    @QueryParam("from")
    @Parameter(description = "Start of the date range (inclusive), YYYY-MM-DD", example = "2025-01-01")
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "End of the date range (inclusive), YYYY-MM-DD", example = "2025-12-31")
    public LocalDate to;

    @QueryParam("dateMatch")
    @Parameter(description = "overlaps (default): the incident possibly happened in from..to; "
            + "within: it certainly did")
    public DateMatch dateMatch;

    @QueryParam("updatedSince")
    @Parameter(description = "Only incidents changed at or after this instant", example = "2026-01-04T00:00:00Z")
    public Instant updatedSince;
}
