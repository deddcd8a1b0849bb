package org.prisonwatch.source;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.caserecord.Reliability;

/** A source as anonymous and partner callers see it: no contact. */
@Schema(name = "PublicSource", description = "A source without its contact, for anonymous and partner callers")
public record PublicSourceView(
        @Schema(examples = "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f") UUID id,
        @Schema(examples = "1") Integer version,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant createdAt,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant updatedAt,
        @Schema(examples = "Political Prisoners Network Myanmar") String name,
        SourceKind kind,
        @Schema(examples = "https://example.org/ppnm") String url,
        Reliability defaultReliability,
        Confidentiality confidentiality) implements SourceResponse {
}
