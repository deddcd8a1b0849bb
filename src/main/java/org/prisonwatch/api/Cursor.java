package org.prisonwatch.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after the last item of a page: the sort it belongs to, that item's sort value and its id.
 * Encoded as base64url JSON; clients treat it as opaque.
 */
public record Cursor(@JsonProperty("s") String sort, @JsonProperty("v") String value, @JsonProperty("i") UUID id) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new IllegalStateException("cursor cannot be written", e);
        }
    }

    public static Cursor decode(String encoded) {
        try {
            Cursor cursor = JSON.readValue(Base64.getUrlDecoder().decode(encoded), Cursor.class);
            if (cursor.sort() == null || cursor.id() == null) {
                throw new IllegalArgumentException("incomplete cursor");
            }
            return cursor;
        } catch (IOException | IllegalArgumentException e) {
            throw ProblemException.invalidParameter("cursor", "is not a cursor this API issued");
        }
    }
}
