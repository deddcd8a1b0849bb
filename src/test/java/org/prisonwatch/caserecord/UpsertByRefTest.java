package org.prisonwatch.caserecord;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.reportBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Api;
import org.prisonwatch.support.Database;
import org.prisonwatch.support.FeedReader;
import org.prisonwatch.support.Keys;

@QuarkusTest
class UpsertByRefTest {

    private static final String INCIDENTS = "/api/v1/incidents/by-ref/";

    @Inject
    Database database;

    private static RequestSpecification partner() {
        return as(Role.PARTNER);
    }

    private long incidentsWithRef(String ref) {
        return database.count("select count(*) from incident where external_ref = ?", ref);
    }

    @Test
    void aPartnerCreatesItsRecordThenARetryChangesNothing() {
        String ref = unique("partner-case");
        Map<String, Object> body = incidentBody(null, "2025-10-01", null);

        Response created = partner().body(body).put(INCIDENTS + ref);
        created.then().statusCode(201).header("ETag", "\"1\"").header("Location", containsString("/api/v1/incidents/"))
                .body("externalRef", equalTo(ref));
        String id = created.path("id");

        // the response was lost and the partner sends the same record again: no If-Match needed, nothing written
        partner().body(body).put(INCIDENTS + ref).then().statusCode(200).header("ETag", "\"1\"")
                .body("id", equalTo(id)).body("version", equalTo(1));
        assertEquals(1, incidentsWithRef(ref));
        partner().get("/api/v1/incidents/" + id).then().statusCode(200).body("externalRef", equalTo(ref));
    }

    @Test
    void changingAnExistingRecordNeedsItsCurrentETag() {
        String ref = unique("partner-case");
        partner().body(incidentBody(null, "2025-10-01", null)).put(INCIDENTS + ref).then().statusCode(201);
        Map<String, Object> changed = incidentBody(null, "2025-10-02", null);

        partner().body(changed).put(INCIDENTS + ref).then().statusCode(428);
        partner().header("If-Match", "\"7\"").body(changed).put(INCIDENTS + ref).then().statusCode(412);
        partner().header("If-Match", "\"1\"").body(changed).put(INCIDENTS + ref).then().statusCode(200)
                .header("ETag", "\"2\"").body("occurredFrom", equalTo("2025-10-02")).body("externalRef", equalTo(ref));
        // the same change again with the If-Match it first carried (its answer was lost): applied already, 200
        partner().header("If-Match", "\"1\"").body(changed).put(INCIDENTS + ref).then().statusCode(200)
                .header("ETag", "\"2\"");
        assertEquals(1, incidentsWithRef(ref));
    }

    @Test
    void ifMatchOnARecordThatDoesNotExistFails() {
        String ref = unique("partner-case");
        partner().header("If-Match", "\"1\"").body(incidentBody(null, "2025-10-01", null)).put(INCIDENTS + ref)
                .then().statusCode(412);
        assertEquals(0, incidentsWithRef(ref));
    }

    @Test
    void theReferenceInTheBodyMustAgreeWithThePathAndThePathMustBeAReference() {
        Map<String, Object> body = incidentBody(null, "2025-10-01", null);
        body.put("externalRef", "another-ref");
        Api.hostile().body(body).put(INCIDENTS + unique("ref")).then().statusCode(400)
                .body("errors[0].field", equalTo("externalRef"));
        body.remove("externalRef");
        Api.hostile().body(body).put(INCIDENTS + "x".repeat(201)).then().statusCode(400)
                .body("errors[0].field", equalTo("externalRef"));
        Api.hostile().body(body).put(INCIDENTS + "has%20space").then().statusCode(400)
                .body("errors[0].field", equalTo("externalRef"));
    }

    @Test
    void referencesBelongToTheCallerThatUsedThem() {
        String ref = unique("shared-ref");
        Map<String, Object> body = incidentBody(null, "2025-10-01", null);
        String mine = partner().body(body).put(INCIDENTS + ref).then().statusCode(201).extract().path("id");
        RequestSpecification otherPartner = Api.anonymous().header("Authorization",
                "Bearer " + Keys.another(Role.PARTNER));
        String theirs = otherPartner.body(body).put(INCIDENTS + ref).then().statusCode(201).extract().path("id");
        assertNotEquals(mine, theirs);
        assertEquals(2, incidentsWithRef(ref));
    }

    @Test
    void aPartnerSeesItsOwnConfidentialSubmissionButNoOtherPartnerDoes() {
        String ref = unique("confidential");
        Map<String, Object> body = incidentBody(null, "2025-10-01", null);
        body.put("confidentiality", "CONFIDENTIAL");
        FeedReader feed = FeedReader.atEnd(UpsertByRefTest::partner);
        String id = partner().body(body).put(INCIDENTS + ref).then().statusCode(201).extract().path("id");

        partner().get("/api/v1/incidents/" + id).then().statusCode(200);
        assertEquals(List.of(id), feed.drain(50).stream().map(e -> e.get("id").asText()).toList());
        Api.anonymous().header("Authorization", "Bearer " + Keys.another(Role.PARTNER))
                .get("/api/v1/incidents/" + id).then().statusCode(404);
    }

    @Test
    void aPartnerMayNotVerifyItsOwnRecords() {
        Map<String, Object> body = incidentBody(null, "2025-10-01", null);
        body.put("verificationStatus", "VERIFIED");
        String ref = unique("self-verified");
        Api.hostile(Role.PARTNER).body(body).put(INCIDENTS + ref)
                .then().statusCode(403);
        assertEquals(0, incidentsWithRef(ref));
    }

    @Test
    void aReferenceDeletedByAnAdministratorIsNotRecreated() {
        String ref = unique("deleted");
        Map<String, Object> body = incidentBody(null, "2025-10-01", null);
        String id = partner().body(body).put(INCIDENTS + ref).then().statusCode(201).extract().path("id");
        api().header("If-Match", "\"1\"").delete("/api/v1/incidents/" + id).then().statusCode(204);

        partner().body(body).put(INCIDENTS + ref).then().statusCode(409).body("detail", containsString("deleted"));
        assertEquals(1, incidentsWithRef(ref));
    }

    @Test
    void postingASecondRecordWithAReferenceTheCallerUsedIsAConflict() {
        String ref = unique("posted");
        Map<String, Object> body = incidentBody(null, "2025-10-01", null);
        body.put("externalRef", ref);
        String first = create("incidents", body);

        api().body(body).post("/api/v1/incidents").then().statusCode(409).body("detail", containsString(first));
        Map<String, Object> other = incidentBody(null, "2025-10-01", null);
        String second = create("incidents", other);
        other.put("externalRef", ref);
        api().header("If-Match", "\"1\"").body(other).put("/api/v1/incidents/" + second).then().statusCode(409);
        assertEquals(1, incidentsWithRef(ref));
        // by reference, the admin reaches the record it posted
        api().body(body).put(INCIDENTS + ref).then().statusCode(200).body("id", equalTo(first));
    }

    @Test
    void concurrentCreatesOfOneReferenceMakeOneRecord() throws Exception {
        String ref = unique("raced");
        Map<String, Object> body = incidentBody(null, "2025-10-01", null);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return Api.hostile(Role.PARTNER).body(body)
                            .put(INCIDENTS + ref);
                };
                calls.add(pool.submit(call));
            }
            start.countDown();
            Set<Integer> statuses = new HashSet<>();
            int created = 0;
            for (Future<Response> call : calls) {
                Response response = call.get(2, TimeUnit.MINUTES);
                statuses.add(response.statusCode());
                created += response.statusCode() == 201 ? 1 : 0;
            }
            assertEquals(1, created, "statuses " + statuses);
            assertTrue(Set.of(200, 201, 409).containsAll(statuses), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, incidentsWithRef(ref));
    }

    @Test
    void reportsAndCasualtiesAreAddressedByReferenceToo() {
        String reportRef = unique("report");
        Map<String, Object> report = reportBody(prison(unique("ByRef")));
        partner().body(report).put("/api/v1/armed-inmate-reports/by-ref/" + reportRef).then().statusCode(201)
                .body("externalRef", equalTo(reportRef));
        partner().body(report).put("/api/v1/armed-inmate-reports/by-ref/" + reportRef).then().statusCode(200);

        Map<String, Object> incident = incidentBody(null, "2025-10-01", null);
        incident.put("confidentiality", "PUBLIC");
        String casualtyRef = unique("casualty");
        Map<String, Object> casualty = casualtyBody(create("incidents", incident));
        partner().body(casualty).put("/api/v1/casualties/by-ref/" + casualtyRef).then().statusCode(201)
                .body("externalRef", equalTo(casualtyRef));
        partner().body(casualty).put("/api/v1/casualties/by-ref/" + casualtyRef).then().statusCode(200)
                .body("version", equalTo(1));
    }
}
