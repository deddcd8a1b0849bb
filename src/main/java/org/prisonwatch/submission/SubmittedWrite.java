package org.prisonwatch.submission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One record to create, as the collection's POST takes it; ids of records made earlier in the same submission as "#n". */
@Schema(name = "SubmittedWrite", description = "One record to create, as POST to its collection takes it. Where the "
        + "record names another made earlier in the same submission (an armed-inmate report's or a casualty's "
        + "incidentId, a citation's sourceId), it gives \"#n\", n being that write's index")
public record SubmittedWrite(
        @NotNull @Schema(required = true, examples = "casualties") SubmittedCollection collection,
        @NotNull @Schema(required = true, implementation = Object.class,
                examples = "{\"incidentId\": \"#0\", \"outcome\": \"KILLED\", \"group\": \"CONSCRIPTED_INMATE\", "
                        + "\"count\": {\"best\": 2}}") ObjectNode record) {
}
