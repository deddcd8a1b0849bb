package org.prisonwatch.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.patch;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Database;
import org.prisonwatch.support.FeedReader;

/**
 * Gap 10: an anonymous reader of the feed must learn nothing about the writes it is not shown. Its positions used
 * to be the global audit numbers, so the jump between two public records counted the hidden work done between them.
 */
@QuarkusTest
class ChangeFeedPositionTest {

    @Inject
    Database db;

    private static String publicIncident() {
        Map<String, Object> body = incidentBody(null, "2025-02-01", null);
        body.put("confidentiality", "PUBLIC");
        return create("incidents", body);
    }

    /** Creates and edits confidential records, as analysts do all day out of the public's sight. */
    private static void hiddenWrites(int records) {
        for (int i = 0; i < records; i++) {
            Map<String, Object> body = incidentBody(null, "2025-02-01", null);
            body.put("confidentiality", "CONFIDENTIAL");
            String id = create("incidents", body);
            patch("\"1\"").body(Map.of("title", "Still hidden")).patch("/api/v1/incidents/" + id).then()
                    .statusCode(200);
        }
    }

    /** The positions an anonymous reader is given for two public records written around the hidden ones. */
    private List<String> positionsAround(int hiddenRecords) {
        FeedReader reader = FeedReader.atEnd(() -> anonymous());
        String before = publicIncident();
        hiddenWrites(hiddenRecords);
        String after = publicIncident();

        List<JsonNode> entries = reader.drain(50);

        assertEquals(List.of(before, after), entries.stream().map(e -> e.get("id").asText()).toList(),
                "the hidden records never appear");
        List<String> positions = new ArrayList<>();
        for (JsonNode entry : entries) {
            assertTrue(entry.get("seq").isTextual(), "seq is a string");
            positions.add(entry.get("seq").asText());
        }
        assertEquals(positions.get(1), reader.cursor(), "the cursor is the last entry's position");
        for (int i = 0; i < entries.size(); i++) {
            assertNoAuditNumberIn(positions.get(i), entries.get(i).get("id").asText());
        }
        return positions;
    }

    /** The position must not carry the record's audit sequence number, as text or as bytes. */
    private void assertNoAuditNumberIn(String position, String recordId) {
        long seq = db.count("select seq from record_change where entity_id = ?", recordId);
        assertFalse(position.matches("-?\\d+"), "a numeric position: " + position);
        // not position.contains(seq as text): a sealed cursor is base64url, where a short number turns up by
        // chance (a 2-digit one in about one cursor in 70); its bytes, checked below, are what would carry it
        byte[] held = Base64.getUrlDecoder().decode(position);
        String asText = new String(held, StandardCharsets.ISO_8859_1);
        assertFalse(asText.contains(Long.toString(seq)), "the audit number, decoded");
        for (byte[] number : List.of(ByteBuffer.allocate(8).putLong(seq).array(),
                ByteBuffer.allocate(4).putInt((int) seq).array())) {
            assertFalse(new String(held, StandardCharsets.ISO_8859_1)
                    .contains(new String(number, StandardCharsets.ISO_8859_1)), "the audit number as bytes");
        }
    }

    @Test
    void hiddenWritesBetweenTwoPublicRecordsLeaveNoTraceInTheAnonymousFeed() {
        List<String> quiet = positionsAround(0);
        List<String> busy = positionsAround(12);

        // what a reader could compare: nothing differs in kind or size whether 0 or 24 hidden writes happened
        assertEquals(quiet.stream().map(String::length).toList(), busy.stream().map(String::length).toList(),
                "position lengths vary with hidden activity");
        assertEquals(quiet.get(0).length(), quiet.get(1).length());
    }

    @Test
    void anEntrysPositionResumesRightAfterItAndReadsTheSameEveryTime() {
        FeedReader reader = FeedReader.atEnd(() -> api());
        String start = reader.cursor();
        publicIncident();
        String second = publicIncident();

        List<String> once = positions(start);
        List<String> twice = positions(start);
        assertEquals(once, twice, "the same position always reads the same, so a client may compare what it stored");
        List<JsonNode> resumed = new FeedReader(() -> api(), once.get(0)).drain(50);
        assertEquals(List.of(second), resumed.stream().map(e -> e.get("id").asText()).toList());
    }

    private static List<String> positions(String after) {
        JsonNode page = FeedReader.parse(api().queryParam("after", after).get("/api/v1/changes").asString());
        List<String> positions = new ArrayList<>();
        page.get("items").forEach(entry -> positions.add(entry.get("seq").asText()));
        return positions;
    }
}
