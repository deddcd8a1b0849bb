package org.prisonwatch.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid input field of a validation problem. */
@Schema(requiredProperties = {"field", "message"},
        description = "One invalid field of the request")
public record FieldError(
        @Schema(description = "JSON path of the field (dotted, with list indexes)", examples = "occurredTo",
                maxLength = MAX_FIELD) String field,
        @Schema(description = "What is wrong with it", examples = "must not be before occurredFrom",
                maxLength = MAX_MESSAGE) String message) {

    static final int MAX_FIELD = 300;
    static final int MAX_MESSAGE = 1000;

    /** A field's name is the caller's (an unknown property, say): its echo is bounded like the message's. */
    public FieldError {
        field = clip(field, MAX_FIELD);
        message = clip(message, MAX_MESSAGE);
    }

    static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }
}
