package org.prisonwatch.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.SpecificationQuerier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A partner's side of the sync protocol: follows GET /api/v1/changes from a cursor and keeps a replica, id to
 * record, by applying each entry in order.
 */
public final class FeedReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<RequestSpecification> caller;
    private final Map<String, JsonNode> replica = new HashMap<>();
    private String cursor;

    public FeedReader(Supplier<RequestSpecification> caller, String cursor) {
        this.caller = caller;
        this.cursor = cursor;
    }

    /**
     * Where {@link #atEnd} last left each caller, by their Authorization header and the database it read (a
     * database cleaned for another test profile is a new one: a cursor into the old one would point past rows that
     * exist). Reading the whole feed from the start for every test cost a minute of the suite.
     */
    private static final Map<String, String> ENDS = new ConcurrentHashMap<>();

    /** A reader positioned at the current end of the feed, having skipped everything before it. */
    public static FeedReader atEnd(Supplier<RequestSpecification> caller) {
        String whoAndWhere = SpecificationQuerier.query(caller.get()).getHeaders().getValue("Authorization") + "@"
                + Arc.container().instance(Database.class).get()
                        .string("select min(\"installed_on\") from \"flyway_schema_history\"");
        String known = ENDS.get(whoAndWhere);
        // a cursor from before a restore's new epoch is refused: then from the start
        boolean resumes = known != null && caller.get().queryParam("limit", 1).queryParam("after", known)
                .get("/api/v1/changes").statusCode() == 200;
        FeedReader reader = new FeedReader(caller, resumes ? known : null);
        reader.drain(500);
        reader.replica.clear();
        ENDS.put(whoAndWhere, reader.cursor);
        return reader;
    }

    /** Reads one page and applies it; returns its entries. */
    public List<JsonNode> readPage(int limit) {
        RequestSpecification spec = caller.get().queryParam("limit", limit);
        if (cursor != null) {
            spec.queryParam("after", cursor);
        }
        Response response = spec.get("/api/v1/changes");
        assertEquals(200, response.statusCode(), response.asString());
        JsonNode page = parse(response.asString());
        List<JsonNode> entries = new ArrayList<>();
        page.get("items").forEach(entries::add);
        for (JsonNode entry : entries) {
            String id = entry.get("id").asText();
            if (entry.get("op").asText().equals("UPSERT")) {
                assertNotNull(entry.get("record"), "an UPSERT carries the record");
                replica.put(id, entry.get("record"));
            } else {
                assertEquals(null, entry.get("record"), "a DELETE carries no record");
                replica.remove(id);
            }
        }
        assertNotNull(page.get("nextCursor").textValue(), "the feed always gives a cursor");
        cursor = page.get("nextCursor").textValue();
        return entries;
    }

    /** Reads until nextCursor stops moving; returns every entry read, in order. */
    public List<JsonNode> drain(int limit) {
        List<JsonNode> all = new ArrayList<>();
        while (true) {
            String before = cursor;
            all.addAll(readPage(limit));
            if (cursor.equals(before)) {
                return all;
            }
        }
    }

    public Map<String, JsonNode> replica() {
        return replica;
    }

    public String cursor() {
        return cursor;
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
