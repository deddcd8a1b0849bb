package org.prisonwatch.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.prisonwatch.burmese.ZawgyiOriginals;

/** JSON documents the service stores (version snapshots, idempotent responses), rewritten in place by an erasure. */
public final class StoredJson {

    private StoredJson() {
    }

    /**
     * The document without the named top-level field, nor what was typed in Zawgyi anywhere within it; null when it
     * has neither.
     */
    public static String withoutField(ObjectMapper mapper, String json, String field) {
        try {
            if (mapper.readTree(json) instanceof ObjectNode object
                    && (object.remove(field) != null | ZawgyiOriginals.removeWithin(object, field))) {
                return mapper.writeValueAsString(object);
            }
            return null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored document could not be read", e);
        }
    }
}
