package org.prisonwatch.burmese;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a writer typed in Zawgyi, by the JSON Pointer (RFC 6901) of the field in the record's input that holds its
 * conversion: {@code {"/title": "ေထာင္"}}. Stored as a JSON object beside the record, null when there is none.
 */
public final class ZawgyiOriginals {

    /** What a response's zawgyiOriginals hold, as the API document says it. */
    public static final String DESCRIPTION = "What writers typed in the legacy Zawgyi encoding, where it was stored "
            + "converted to Unicode: the JSON Pointer (RFC 6901) of each converted field, to the text as typed. Only "
            + "for callers who may read the record's identifying data; left out when nothing was converted";

    /** The name responses give the originals under. */
    static final String RESPONSE_FIELD = "zawgyiOriginals";

    /**
     * The column's length (V15): only a body far past the default size limit (a deployment that raised
     * PRISONWATCH_MAX_BODY_SIZE) can bring more.
     */
    public static final int MAX_STORED = 10_485_760;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> AS_MAP = new TypeReference<>() {
    };

    private static final ZawgyiOriginals NONE = new ZawgyiOriginals(new TreeMap<>());

    private final SortedMap<String, String> byPointer;

    private ZawgyiOriginals(SortedMap<String, String> byPointer) {
        this.byPointer = byPointer;
    }

    public static ZawgyiOriginals none() {
        return NONE;
    }

    static ZawgyiOriginals of(SortedMap<String, String> byPointer) {
        return byPointer.isEmpty() ? NONE : new ZawgyiOriginals(byPointer);
    }

    /**
     * Removes from a rendered record the originals of a top-level field and of everything inside it, as an erasure
     * of that field must; whether there were any.
     */
    public static boolean removeWithin(ObjectNode record, String field) {
        if (!(record.get(RESPONSE_FIELD) instanceof ObjectNode originals)) {
            return false;
        }
        String pointer = "/" + field;
        boolean removed = originals.properties().removeIf(original -> original.getKey().equals(pointer)
                || original.getKey().startsWith(pointer + "/"));
        if (originals.isEmpty()) {
            record.remove(RESPONSE_FIELD);
        }
        return removed;
    }

    /** From the stored column. */
    public static ZawgyiOriginals read(String stored) {
        if (stored == null) {
            return NONE;
        }
        try {
            return of(JSON.readValue(stored, AS_MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored Zawgyi originals are not a JSON object of strings", e);
        }
    }

    /** For the stored column: null when there is nothing to keep. */
    public String stored() {
        if (byPointer.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(byPointer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Zawgyi originals could not be written as JSON", e);
        }
    }

    public boolean isEmpty() {
        return byPointer.isEmpty();
    }

    /**
     * For a response: pointer to the text as typed, or null when none was converted or the caller may not read the
     * record's identifying data (what was typed in a field the caller cannot read must not come back this way).
     */
    public static Map<String, String> shown(String stored, boolean identifying) {
        if (!identifying || stored == null) {
            return null;
        }
        return Collections.unmodifiableSortedMap(read(stored).byPointer);
    }

    /**
     * The originals of what a record holds after a write, every write of its fields (create, update, erasure): an
     * earlier one while its field holds the same text as before the write, and those of this write. A field
     * rewritten, erased or moved in a list loses its original, so no write path has to remember to drop one, and an
     * erased value leaves nothing behind. Nothing is converted again.
     *
     * @param before the record's fields before the write (all empty for a new record)
     * @param after the record's fields as written
     */
    public ZawgyiOriginals after(ZawgyiOriginals written, JsonNode before, JsonNode after) {
        SortedMap<String, String> kept = new TreeMap<>();
        byPointer.forEach((pointer, original) -> {
            JsonNode now = after.at(pointer);
            if (now.isTextual() && now.equals(before.at(pointer))) {
                kept.put(pointer, original);
            }
        });
        written.byPointer.forEach((pointer, original) -> {
            if (after.at(pointer).isTextual()) {
                kept.put(pointer, original);
            }
        });
        return of(kept);
    }
}
