package org.prisonwatch.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.UUID;

/**
 * The free-form cursor that record history still builds by hand (sort name, value, record id), until history moves
 * to {@link Keyset#byNumber}. It is sealed like every other cursor, so it can be neither read nor forged; new code
 * pages through {@link Keyset}.
 */
public record Cursor(@JsonProperty("s") String sort, @JsonProperty("v") String value, @JsonProperty("i") UUID id) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CursorScope SCOPE = new CursorScope("cursor", "cursor");

    public String encode() {
        try {
            return Cursors.current().seal(SCOPE, JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new IllegalStateException("cursor cannot be written", e);
        }
    }

    public static Cursor decode(String encoded) {
        byte[] position = Cursors.current().open(SCOPE, encoded);
        try {
            Cursor cursor = JSON.readValue(position, Cursor.class);
            if (cursor.sort() != null && cursor.id() != null) {
                return cursor;
            }
        } catch (IOException e) {
            // answered below
        }
        throw Cursors.refused(SCOPE);
    }
}
