package org.prisonwatch.collection;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.prisonwatch.caserecord.ExternalRef;

/** One line of a bulk by-reference request: what a single PUT …/by-ref/{externalRef} would carry. */
@Schema(name = "BulkLine", requiredProperties = {"externalRef", "record"},
        description = "One line of application/x-ndjson: a record to create or replace by its externalRef")
public record BulkLine(
        @Schema(description = "Your reference for the record, as in PUT …/by-ref/{externalRef}",
                examples = "kachin-2026-0042", maxLength = ExternalRef.MAX_LENGTH,
                pattern = "^" + ExternalRef.CHARACTERS + "$") String externalRef,
        @Schema(description = "The ETag of the version this line replaces (as the If-Match header of a single "
                + "PUT); needed to change an existing record, not to create one or send it unchanged",
                examples = "\"3\"", maxLength = 12, pattern = "^\"?[0-9]{1,10}\"?$") String ifMatch,
        @Schema(description = "The record's editable fields, as the body of a single PUT …/by-ref/{externalRef} of "
                + "this collection") Map<String, Object> record) {
}
