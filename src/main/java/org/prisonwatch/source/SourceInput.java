package org.prisonwatch.source;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.caserecord.ClassifiedInput;
import org.prisonwatch.caserecord.Reliability;

/** The editable fields of a source. */
@Schema(name = "SourceInput", description = "A source, as a client writes it")
public record SourceInput(
        @NotBlank @Size(max = 300) @Schema(required = true, examples = "Political Prisoners Network Myanmar")
        String name,
        SourceKind kind,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        @Schema(description = "Stored as text, never fetched by the server", examples = "https://example.org/ppnm")
        String url,
        @Size(max = 1000) @Schema(description = "How to reach the source. Sensitive: never shown to the public "
                + "or to partners", examples = "Signal +95 9 000 000 000") String contact,
        @Schema(description = "Admiralty reliability used when a citation gives none", examples = "B")
        Reliability defaultReliability,
        @Schema(description = "Defaults to RESTRICTED: sources can be people at risk") Confidentiality confidentiality) implements ClassifiedInput {

    public SourceInput {
        confidentiality = confidentiality == null ? Confidentiality.RESTRICTED : confidentiality;
    }
}
