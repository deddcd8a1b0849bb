package org.prisonwatch.source;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.patch;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.source;
import static org.prisonwatch.support.Fixtures.sourceBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Database;

@QuarkusTest
class SourceResourceTest {

    @Inject
    Database db;

    @Test
    void storesUrlAsTextAndDefaultsToRestricted() {
        Map<String, Object> body = sourceBody();
        body.put("url", "http://127.0.0.1:1/never-fetched");
        body.put("contact", "Signal +95 9 000 000 000");
        api().body(body).post("/api/v1/sources").then().statusCode(201)
                .body("url", equalTo("http://127.0.0.1:1/never-fetched"))
                .body("confidentiality", equalTo("RESTRICTED"))
                .body("defaultReliability", equalTo("B"));
    }

    @Test
    void filtersByNameAndKind() {
        String name = unique("Political Prisoners Network Myanmar");
        Map<String, Object> body = sourceBody();
        body.put("name", name);
        body.put("kind", "WITNESS");
        String id = create("sources", body);
        api().queryParam("q", name.toUpperCase()).get("/api/v1/sources").then().body("items.id", contains(id));
        api().queryParam("q", name).queryParam("kind", "MEDIA").get("/api/v1/sources").then()
                .body("items", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void aCitedSourceCannotBeDeleted() {
        String id = source();
        Map<String, Object> incident = incidentBody(null, "2025-01-01", "2025-01-01");
        incident.put("citations", List.of(Map.of("sourceId", id)));
        String incidentId = create("incidents", incident);

        api().header("If-Match", "\"1\"").delete("/api/v1/sources/" + id).then().statusCode(409)
                .body("referencedBy[0].collection", equalTo("incidents"))
                .body("referencedBy[0].id", equalTo(incidentId));
        api().header("If-Match", "\"1\"").delete("/api/v1/incidents/" + incidentId).then().statusCode(204);
        api().header("If-Match", "\"1\"").delete("/api/v1/sources/" + id).then().statusCode(204);
        assertEquals(1, db.count("select count(*) from source where id = ? and deleted_at is not null", id));
    }

    /** What cites a source is found in citation rows, the record's list being in its row: they change together. */
    @Test
    void aSourceNoLongerCitedCanBeDeleted() {
        String first = source();
        String second = source();
        Map<String, Object> incident = incidentBody(null, "2025-01-01", "2025-01-01");
        incident.put("citations", List.of(Map.of("sourceId", first)));
        String incidentId = create("incidents", incident);

        patch("\"1\"").body(Map.of("citations", List.of(Map.of("sourceId", second, "excerpt", "moved"))))
                .patch("/api/v1/incidents/" + incidentId).then().statusCode(200)
                .body("citations.sourceId", contains(second));
        api().header("If-Match", "\"1\"").delete("/api/v1/sources/" + second).then().statusCode(409);
        api().header("If-Match", "\"1\"").delete("/api/v1/sources/" + first).then().statusCode(204);
        assertEquals(1, db.count("select count(*) from incident_citation where incident_id = ?", incidentId));
    }
}
