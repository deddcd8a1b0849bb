package org.prisonwatch.caserecord;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Database;
import org.prisonwatch.support.Keys;

/**
 * POST /{collection}/by-ref with NDJSON: each line answered as its own by-ref PUT would be, in order; a refused
 * line writes nothing and keeps no other line of its chunk (4 lines in tests) from landing; a repeat is a no-op.
 */
@QuarkusTest
class BulkUpsertTest {

    private static final String BULK = "/api/v1/incidents/by-ref";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Database db;

    private static RequestSpecification bulk(Role role) {
        return given().header("Authorization", "Bearer " + Keys.of(role))
                .contentType("application/x-ndjson; charset=UTF-8").accept("application/x-ndjson");
    }

    private static String line(String externalRef, String ifMatch, Map<String, Object> record) {
        Map<String, Object> line = new HashMap<>();
        line.put("externalRef", externalRef);
        if (ifMatch != null) {
            line.put("ifMatch", ifMatch);
        }
        line.put("record", record);
        try {
            return JSON.writeValueAsString(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(Object body) {
        return body instanceof byte[] bytes ? bytes : body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> results(Response response) {
        response.then().statusCode(200).contentType("application/x-ndjson");
        List<JsonNode> results = new ArrayList<>();
        for (String text : response.asString().split("\n")) {
            try {
                results.add(JSON.readTree(text));
            } catch (Exception e) {
                throw new IllegalStateException(text, e);
            }
        }
        return results;
    }

    private long stored(String externalRef) {
        return db.count("select count(*) from incident where external_ref = ?", externalRef);
    }

    @Test
    void mixedLinesAreAnsweredOneByOneAndOnlyTheValidOnesLand() {
        String run = unique("bulk");
        Map<String, Object> untitled = incidentBody(null, "2025-10-01", null);
        untitled.remove("title");
        Map<String, Object> unknownPrison = incidentBody(UUID.randomUUID().toString(), "2025-10-01", null);
        String body = String.join("\n",
                line(run + "-a", null, incidentBody(null, "2025-10-01", null)),
                line(run + "-b", null, untitled),
                "{not json",
                line(run + "-c", null, unknownPrison),
                "",
                line(run + "-d", null, incidentBody(null, "2025-10-02", null)),
                "{\"externalRef\": \"" + run + "-e\"}",
                line(run + "-f", null, incidentBody(null, "2025-10-03", null))) + "\n";
        List<JsonNode> results = results(bulk(Role.PARTNER).body(body.getBytes(StandardCharsets.UTF_8)).post(BULK));

        assertEquals(7, results.size(), "one per non-blank line: " + results);
        assertEquals(List.of(1, 2, 3, 4, 6, 7, 8), results.stream().map(r -> r.get("line").asInt()).toList());
        assertEquals(List.of(201, 400, 400, 400, 201, 400, 201), results.stream().map(r -> r.get("status").asInt())
                .toList(), results.toString());
        assertEquals("created", results.get(0).get("outcome").asText());
        assertEquals(1, results.get(0).get("version").asInt());
        assertEquals("refused", results.get(1).get("outcome").asText());
        assertEquals("record.title", results.get(1).at("/problem/errors/0/field").asText());
        assertEquals("urn:prisonwatch:problem:malformed-json", results.get(2).at("/problem/type").asText());
        assertEquals("record", results.get(5).at("/problem/errors/0/field").asText(), results.get(5).toString());
        for (String landed : List.of("-a", "-d", "-f")) {
            assertEquals(1, stored(run + landed), landed);
        }
        for (String refused : List.of("-b", "-c", "-e")) {
            assertEquals(0, stored(run + refused), refused);
        }
        given().header("Authorization", "Bearer " + Keys.of(Role.PARTNER))
                .get("/api/v1/incidents/" + results.get(0).get("id").asText()).then().statusCode(200)
                .body("externalRef", equalTo(run + "-a"));
    }

    @Test
    void theSameFileAgainChangesNothingAndIfMatchReplaces() {
        String run = unique("bulk-again");
        Map<String, Object> first = incidentBody(null, "2025-11-01", null);
        Map<String, Object> second = incidentBody(null, "2025-11-02", null);
        String body = line(run + "-1", null, first) + "\n" + line(run + "-2", null, second) + "\n";
        List<JsonNode> created = results(bulk(Role.PARTNER).body(utf8(body)).post(BULK));
        // counted for these records only: the background linker adds other tests' reads to the chain at any time
        String auditOfBoth = "select count(*) from audit_entry where entity_id in (?, ?)";
        String one = created.get(0).get("id").asText();
        String two = created.get(1).get("id").asText();
        long audited = db.count(auditOfBoth, one, two);
        assertEquals(2, audited, "each creation is in the chain");
        List<JsonNode> again = results(bulk(Role.PARTNER).body(utf8(body)).post(BULK));
        assertEquals(List.of("unchanged", "unchanged"), again.stream().map(r -> r.get("outcome").asText()).toList());
        assertEquals(List.of(200, 200), again.stream().map(r -> r.get("status").asInt()).toList());
        assertEquals(created.get(0).get("id"), again.get(0).get("id"));
        assertEquals(audited, db.count(auditOfBoth, one, two), "a repeat writes nothing");

        first.put("title", "Changed in bulk");
        List<JsonNode> changed = results(bulk(Role.PARTNER).body(utf8(line(run + "-1", null, first) + "\n"
                + line(run + "-2", "1", with(second, "title", "Also changed")) + "\n")).post(BULK));
        assertEquals(428, changed.get(0).get("status").asInt(), "changing needs ifMatch, as a single PUT does");
        assertEquals("replaced", changed.get(1).get("outcome").asText());
        assertEquals(2, changed.get(1).get("version").asInt());
        assertEquals(1, db.count("select count(*) from incident where external_ref = ? and title = 'Also changed'",
                run + "-2"));
        assertEquals(0, db.count("select count(*) from incident where external_ref = ? and title = ?", run + "-1",
                "Changed in bulk"));

        // the same file again after it was applied, ifMatch and all: nothing changes, nothing is refused
        List<JsonNode> replayed = results(bulk(Role.PARTNER).body(utf8(line(run + "-2", "1",
                with(second, "title", "Also changed")) + "\n")).post(BULK));
        assertEquals("unchanged", replayed.get(0).get("outcome").asText(), replayed.toString());
        assertEquals(2, replayed.get(0).get("version").asInt());
    }

    @Test
    void aRefusedLineLeavesNothingOfItselfAndTheRestOfItsChunkLands() {
        String run = unique("bulk-chunk");
        // four lines, one chunk: the third fails inside the transaction, after two others were written in it
        Map<String, Object> stale = incidentBody(null, "2025-12-01", null);
        results(bulk(Role.PARTNER).body(utf8(line(run + "-x", null, stale) + "\n")).post(BULK));
        String body = String.join("\n",
                line(run + "-1", null, incidentBody(null, "2025-12-01", null)),
                line(run + "-2", null, incidentBody(null, "2025-12-01", null)),
                line(run + "-x", "7", with(stale, "title", "Never written")),
                line(run + "-3", null, incidentBody(null, "2025-12-01", null))) + "\n";
        List<JsonNode> results = results(bulk(Role.PARTNER).body(utf8(body)).post(BULK));
        assertEquals(List.of(201, 201, 412, 201), results.stream().map(r -> r.get("status").asInt()).toList());
        assertEquals(List.of(1L, 1L, 1L), List.of(stored(run + "-1"), stored(run + "-2"), stored(run + "-3")));
        assertEquals(0, db.count("select count(*) from incident where external_ref = ? and title = 'Never written'",
                run + "-x"));
        // each created record was journalled once: its feed row and its one version
        for (JsonNode result : List.of(results.get(0), results.get(1), results.get(3))) {
            assertEquals(1, db.count("select count(*) from record_version where entity_id = ?",
                    result.get("id").asText()));
            assertEquals(1, db.count("select count(*) from record_change where entity_id = ?",
                    result.get("id").asText()));
        }
    }

    @Test
    void aBadReferenceOrVersionIsRefusedBeforeAnythingIsTried() {
        String run = unique("bulk-syntax");
        String body = "\uFEFF" + String.join("\n",
                line("not a ref!", null, incidentBody(null, "2025-10-01", null)),
                line(run + "-v", "version one", incidentBody(null, "2025-10-01", null)),
                line(run + "-ok", null, incidentBody(null, "2025-10-01", null))) + "\n";
        List<JsonNode> results = results(bulk(Role.ANALYST).body(utf8(body)).post(BULK));
        assertEquals(List.of(400, 400, 201), results.stream().map(r -> r.get("status").asInt()).toList(),
                results.toString());
        assertEquals("externalRef", results.get(0).at("/problem/errors/0/field").asText());
        assertEquals("ifMatch", results.get(1).at("/problem/errors/0/field").asText());
    }

    /**
     * Reads of one record's person, waiting to be linked into the chain or linked, in one statement: counted in two,
     * the background linker could move a read from one to the other in between and count it twice or not at all.
     */
    private static final String PERSON_READS_OF = "select (select count(*) from audit_pending_read where action = "
            + "'READ_PERSON' and entity_id = ?) + (select count(*) from audit_entry where action = 'READ_PERSON' "
            + "and entity_id = ?)";

    @Test
    void writingAPersonInBulkIsNotAuditedAsReadingIt() {
        String incident = org.prisonwatch.support.Fixtures.create("incidents", incidentBody(null, "2025-10-01", null));
        Map<String, Object> casualty = org.prisonwatch.support.Fixtures.casualtyBody(incident);
        casualty.put("person", Map.of("name", "Ko Aung"));
        List<JsonNode> results = results(bulk(Role.ANALYST).body(utf8(line(unique("bulk-person"), null, casualty)
                + "\n")).post("/api/v1/casualties/by-ref"));
        assertEquals(201, results.get(0).get("status").asInt(), results.toString());
        UUID written = UUID.fromString(results.get(0).get("id").asText());
        assertEquals(0, db.count(PERSON_READS_OF, written, written),
                "the answer carries the id and version only: no person was read");
        // the same count does see a read: an analyst's GET of the casualty is one
        given().header("Authorization", "Bearer " + Keys.of(Role.ANALYST)).get("/api/v1/casualties/" + written)
                .then().statusCode(200).body("person.name", equalTo("Ko Aung"));
        assertEquals(1, db.count(PERSON_READS_OF, written, written));
    }

    @Test
    void linesPastTheMostARequestTakesAreReadButNeitherAppliedNorAnswered() {
        String run = unique("bulk-many");
        StringBuilder body = new StringBuilder();
        for (int n = 0; n < 35; n++) {
            body.append(line(run + "-" + n, null, incidentBody(null, "2025-10-01", null))).append('\n');
        }
        List<JsonNode> results = results(bulk(Role.PARTNER).body(utf8(body)).post(BULK));
        assertEquals(30, results.size(), "prisonwatch.bulk.max-lines is 30 in tests");
        assertEquals(30, db.count("select count(*) from incident where external_ref like ?", run + "-%"));
        assertEquals(0, stored(run + "-30"));
    }

    @Test
    void badRequestsAreRefusedWhole() {
        String one = line(unique("bulk-refused"), null, incidentBody(null, "2025-10-01", null)) + "\n";
        bulk(Role.PARTNER).header("Idempotency-Key", UUID.randomUUID().toString()).body(utf8(one)).post(BULK)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        given().contentType("application/x-ndjson").accept("application/x-ndjson").body(utf8(one)).post(BULK)
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + Keys.of(Role.PARTNER)).contentType("application/json")
                .body(utf8(one)).post(BULK).then().statusCode(415);
        bulk(Role.REPORTER).body(utf8(one)).post(BULK).then().statusCode(403);
        assertTrue(one.length() > 10);
    }

    @Test
    void aLineOverASingleWritesLimitOrNotUtf8IsRefusedAlone() {
        String run = unique("bulk-long");
        Map<String, Object> huge = incidentBody(null, "2025-10-01", null);
        char[] filler = new char[1_100_000];
        Arrays.fill(filler, 'x');
        huge.put("description", new String(filler));
        byte[] notUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        byte[] before = (line(run + "-huge", null, huge) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] after = (line(run + "-ok", null, incidentBody(null, "2025-10-01", null)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[before.length + notUtf8.length + after.length];
        System.arraycopy(before, 0, body, 0, before.length);
        System.arraycopy(notUtf8, 0, body, before.length, notUtf8.length);
        System.arraycopy(after, 0, body, before.length + notUtf8.length, after.length);
        List<JsonNode> results = results(bulk(Role.PARTNER).body(utf8(body)).post(BULK));
        assertEquals(List.of(413, 400, 201), results.stream().map(r -> r.get("status").asInt()).toList());
        assertNull(results.get(0).get("externalRef"), "the line was never held, so its reference is unknown");
        assertEquals(0, stored(run + "-huge"));
        assertEquals(1, stored(run + "-ok"));
    }

    private static Map<String, Object> with(Map<String, Object> record, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(record);
        changed.put(field, value);
        return changed;
    }
}
