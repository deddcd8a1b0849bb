package org.prisonwatch.gate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;

/** Issue 9, gap 7: every response that carries identifying data leaves a READ entry, replays and no-ops included. */
@QuarkusTest
class IdentifyingReadAuditTest {

    /** Reads of the person in the audit log as an administrator lists it (reads still pending linked first). */
    private long personReads(String id) {
        int entries = api().queryParam("entityId", id).queryParam("action", "READ_PERSON").queryParam("limit", 500)
                .get("/api/v1/audit").then().statusCode(200).body("items.entity", everyItem(equalTo("Casualty")))
                .extract().path("items.size()");
        return entries;
    }

    private String reportersIncident() {
        return as(Role.REPORTER).body(incidentBody(prison("Kachin"), "2025-03-01", null)).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anIdempotentReplayThatCarriesAPersonIsAudited() {
        Map<String, Object> body = casualtyBody(reportersIncident());
        body.put("person", Map.of("name", "Daw Khin"));
        String key = unique("replay");
        String id = as(Role.REPORTER).header("Idempotency-Key", key).body(body).post("/api/v1/casualties")
                .then().statusCode(201).body("person.name", equalTo("Daw Khin")).extract().path("id");
        long afterCreate = personReads(id);
        assertEquals(1, afterCreate, "the create's own response carries the person");

        as(Role.REPORTER).header("Idempotency-Key", key).body(body).post("/api/v1/casualties").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("person.name", equalTo("Daw Khin"));
        assertEquals(afterCreate + 1, personReads(id));
    }

    @Test
    void anUnchangedByReferencePutThatCarriesAPersonIsAudited() {
        Map<String, Object> body = casualtyBody(reportersIncident());
        body.put("person", Map.of("name", "U Tun"));
        String ref = unique("noop");
        String id = as(Role.REPORTER).body(body).put("/api/v1/casualties/by-ref/" + ref).then().statusCode(201)
                .extract().path("id");
        long before = personReads(id);

        as(Role.REPORTER).body(body).put("/api/v1/casualties/by-ref/" + ref).then().statusCode(200)
                .header("ETag", "\"1\"").body("person.name", equalTo("U Tun"));
        assertEquals(before + 1, personReads(id));
    }
}
