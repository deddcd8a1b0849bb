package org.prisonwatch.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** RFC 7396 JSON merge patch, applied by the JSON-P implementation to Jackson trees. */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /** Applies the patch to the editable fields of a record and reads the result back as that record's input type. */
    public static <T> T apply(ObjectMapper mapper, T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "A merge patch must be a JSON object");
        }
        JsonValue target = toJsonP(mapper.valueToTree(current));
        JsonValue merged = Json.createMergePatch(toJsonP(patch)).apply(target);
        try {
            return mapper.readValue(merged.toString(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemJsonException(e);
        }
    }

    private static JsonValue toJsonP(JsonNode node) {
        try (var reader = Json.createReader(new StringReader(node.toString()))) {
            return reader.readValue();
        }
    }

    /** Carries a Jackson failure out of the service unchanged, for the problem mapper to name the field. */
    public static final class ProblemJsonException extends RuntimeException {
        public ProblemJsonException(com.fasterxml.jackson.core.JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause, false, false);
        }
    }
}
