package org.prisonwatch.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.FeedReader;

/**
 * Issue 9, gap 10: once a record is withdrawn from a caller, the feed tells them so once and then says nothing
 * more about it: further work on the hidden record must not show up as fresh DELETE entries.
 */
@QuarkusTest
class HiddenRecordActivityTest {

    private static List<String> ops(List<JsonNode> entries, String id) {
        return entries.stream().filter(entry -> entry.get("id").asText().equals(id))
                .map(entry -> entry.get("op").asText()).toList();
    }

    private static void patch(String id, int version, Map<String, Object> fields) {
        as(Role.ANALYST).contentType("application/merge-patch+json").header("If-Match", "\"" + version + "\"")
                .body(fields).patch("/api/v1/incidents/" + id).then().statusCode(200);
    }

    @Test
    void workOnARecordWithdrawnFromACallerIsNotHeardByThem() {
        Map<String, Supplier<RequestSpecification>> outsiders = Map.of("anonymous", () -> anonymous(),
                "partner", () -> as(Role.PARTNER), "reporter", () -> as(Role.REPORTER));
        Map<String, FeedReader> readers = new java.util.HashMap<>();
        outsiders.forEach((name, caller) -> readers.put(name, FeedReader.atEnd(caller)));

        Map<String, Object> body = incidentBody(null, "2025-03-01", null);
        body.put("confidentiality", "PUBLIC");
        String id = create("incidents", body);
        readers.forEach((name, reader) -> assertEquals(List.of("UPSERT"), ops(reader.drain(500), id), name));

        patch(id, 1, Map.of("confidentiality", "CONFIDENTIAL"));
        readers.forEach((name, reader) -> assertEquals(List.of("DELETE"), ops(reader.drain(500), id), name));

        patch(id, 2, Map.of("description", "analysts still at work"));
        patch(id, 3, Map.of("description", "and again"));
        readers.forEach((name, reader) -> assertEquals(List.of(), ops(reader.drain(500), id), name));

        patch(id, 4, Map.of("confidentiality", "PUBLIC"));
        readers.forEach((name, reader) -> assertEquals(List.of("UPSERT"), ops(reader.drain(500), id), name));
        as(Role.ANALYST).get("/api/v1/incidents/" + id).then().statusCode(200);
    }

    @Test
    void aSubmitterStillHearsEveryChangeToItsOwnHiddenRecord() {
        FeedReader reporter = FeedReader.atEnd(() -> as(Role.REPORTER));
        String id = as(Role.REPORTER).body(incidentBody(null, "2025-03-01", null)).post("/api/v1/incidents").then()
                .statusCode(201).extract().path("id");
        assertEquals(List.of("UPSERT"), ops(reporter.drain(500), id));
        patch(id, 1, Map.of("confidentiality", "CONFIDENTIAL"));
        assertEquals(List.of("UPSERT"), ops(reporter.drain(500), id));
        patch(id, 2, Map.of("description", "an analyst's addition"));
        assertEquals(List.of("UPSERT"), ops(reporter.drain(500), id));
    }
}
