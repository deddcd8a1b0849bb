package org.prisonwatch.source;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.burmese.ZawgyiOriginals;
import org.prisonwatch.caserecord.Reliability;
import org.prisonwatch.gate.IdentifyingField;
import org.prisonwatch.gate.IdentifyingView;

/** A source as the API returns it. */
@Schema(requiredProperties = {"id", "version", "createdAt", "updatedAt", "name", "confidentiality"},
        name = "Source", description = "Who reported a fact. Its contact is identifying: only callers who may read "
        + "identifying data get it")
public record SourceView(
        @Schema(examples = "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f") UUID id,
        @Schema(examples = "1") Integer version,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant createdAt,
        @Schema(examples = "2026-01-04T09:30:00Z") Instant updatedAt,
        @Schema(examples = "Political Prisoners Network Myanmar") String name,
        SourceKind kind,
        @Schema(examples = "https://example.org/ppnm") String url,
        @Schema(description = "How to reach the source. Present only for callers who may read identifying data "
                + "(analysts, admins, and a reporter for a source they submitted); absent for everyone else, "
                + "never null in its place", examples = "Signal: +95 9 000 000 000")
        String contact,
        Reliability defaultReliability,
        Confidentiality confidentiality,
        @Schema(description = ZawgyiOriginals.DESCRIPTION, examples = "{\"/name\": \"ျမစ္ႀကီးနား သတင္း\"}")
        Map<String, String> zawgyiOriginals) implements SourceResponse, IdentifyingView {

    @Override
    public boolean identifies() {
        return contact != null;
    }

    @Override
    public IdentifyingField identifyingField() {
        return IdentifyingField.CONTACT;
    }
}
