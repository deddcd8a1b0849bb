package org.prisonwatch.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.reportBody;
import static org.prisonwatch.support.Fixtures.sourceBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;

/**
 * Plants distinctive identifying values in records of every confidentiality and asks every endpoint, as an
 * anonymous caller and as a partner, whether any of them comes back in a body or a header.
 */
@QuarkusTest
class LeakTest {

    private static final String PERSON = "CANARYPERSON7f3a";
    private static final String PRISONER_NUMBER = "CANARYNUM91b2";
    private static final String CONTACT = "CANARYCONTACT44d1";
    private static final String LATITUDE = "24.123456";
    private static final String LONGITUDE = "97.654321";
    private static final List<String> CANARIES = List.of(PERSON, PRISONER_NUMBER, CONTACT, LATITUDE, LONGITUDE);

    @Test
    void noIdentifyingValueReachesAnonymousOrPartnerCallersAnywhere() {
        String feedBefore = org.prisonwatch.support.FeedReader.atEnd(() -> api()).cursor();
        String prisonId = prison(unique("Leak"));
        List<String> paths = new ArrayList<>();
        for (String confidentiality : List.of("PUBLIC", "RESTRICTED", "CONFIDENTIAL")) {
            Planted planted = plant(prisonId, confidentiality);
            String sourceId = planted.sourceId();
            String incidentId = planted.incidentId();
            String casualtyId = planted.casualtyId();
            String reportId = planted.reportId();
            paths.addAll(List.of("/api/v1/sources/" + sourceId, "/api/v1/incidents/" + incidentId,
                    "/api/v1/casualties/" + casualtyId, "/api/v1/armed-inmate-reports/" + reportId,
                    "/api/v1/incidents/" + incidentId + "/casualties",
                    "/api/v1/sources/" + sourceId + "/history", "/api/v1/incidents/" + incidentId + "/history",
                    "/api/v1/casualties/" + casualtyId + "/history",
                    "/api/v1/armed-inmate-reports/" + reportId + "/history",
                    "/api/v1/casualties?incidentId=" + incidentId));
        }
        paths.addAll(List.of("/api/v1/prisons/" + prisonId, "/api/v1/prisons/" + prisonId + "/incidents",
                "/api/v1/prisons/" + prisonId + "/armed-inmate-reports", "/api/v1/incidents?prisonId=" + prisonId,
                "/api/v1/armed-inmate-reports?prisonId=" + prisonId, "/api/v1/casualties?prisonId=" + prisonId,
                "/api/v1/sources?limit=500", "/api/v1/casualties?limit=500", "/api/v1/incidents?limit=500",
                "/api/v1/prisons", "/api/v1/changes?limit=500&after=" + feedBefore,
                "/api/v1/changes?entity=CASUALTY&limit=500&after=" + feedBefore,
                "/api/v1/casualties/by-ref/leak-probe", "/api/v1/incidents/by-ref/leak-probe", "/api/v1/admin/api-keys", "/api/v1/audit", "/api/v1/audit/verify",
                "/api/v1/stats/casualties", "/api/v1/stats/casualties?groupBy=prison",
                "/api/v1/stats/casualties?groupBy=group", "/api/v1/stats/incidents?groupBy=month",
                "/api/v1/stats/armed-inmates?groupBy=stateRegion"));

        // every method on every path, including pairs the spec does not have: this probes for leaks, so the calls
        // go out unvalidated
        Map<String, Supplier<RequestSpecification>> callers = Map.of(
                "anonymous", () -> given().contentType("application/json"),
                "PARTNER", () -> given().contentType("application/json").header("Authorization",
                        "Bearer " + org.prisonwatch.support.Keys.of(Role.PARTNER)));
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Supplier<RequestSpecification>> caller : callers.entrySet()) {
            for (String path : paths) {
                List<Response> responses = List.of(
                        caller.getValue().get().get(path),
                        caller.getValue().get().accept("text/csv").get(path),
                        caller.getValue().get().accept("application/geo+json").get(path),
                        caller.getValue().get().header("If-Match", "\"1\"").body(Map.of()).put(path),
                        caller.getValue().get().header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                                .body(Map.of()).patch(path),
                        caller.getValue().get().header("If-Match", "\"1\"").delete(path));
                for (Response response : responses) {
                    calls++;
                    String seen = response.asString() + response.headers().asList().stream().map(Header::toString)
                            .reduce("", String::concat);
                    CANARIES.stream().filter(seen::contains).forEach(canary -> leaks.add(caller.getKey() + " "
                            + path + " (" + response.statusCode() + ") shows " + canary));
                }
            }
        }
        assertEquals(List.of(), leaks, "after " + calls + " calls");

        // the planted values are really there for staff, so the test above could have failed
        String staffView = paths.stream().filter(path -> !path.contains("/by-ref/"))
                .map(path -> api().get(path).asString()).reduce("", String::concat);
        String staffExports = paths.stream().filter(path -> path.contains("/casualties?"))
                .map(path -> given().accept("text/csv").header("Authorization", "Bearer "
                        + org.prisonwatch.support.Keys.of(Role.ADMIN)).get(path).asString()).reduce("", String::concat);
        org.junit.jupiter.api.Assertions.assertTrue(CANARIES.stream().anyMatch(staffExports::contains),
                "staff exports carry the planted values, so the exports above could have leaked them");
        for (String canary : CANARIES) {
            org.junit.jupiter.api.Assertions.assertTrue(staffView.contains(canary), canary + " was not planted");
        }
    }

    /** One record of each kind at one confidentiality, each carrying every canary it can hold. */
    private record Planted(String sourceId, String incidentId, String casualtyId, String reportId) {

        List<String> ids() {
            return List.of(sourceId, incidentId, casualtyId, reportId);
        }
    }

    private static Planted plant(String prisonId, String confidentiality) {
        Map<String, Object> source = sourceBody();
        source.put("contact", CONTACT + " Signal +95 9 000");
        source.put("confidentiality", confidentiality);
        String sourceId = create("sources", source);

        Map<String, Object> incident = incidentBody(prisonId, "2025-03-01", null);
        incident.putAll(Map.of("latitude", Double.valueOf(LATITUDE), "longitude", Double.valueOf(LONGITUDE),
                "confidentiality", confidentiality, "citations", List.of(Map.of("sourceId", sourceId))));
        String incidentId = create("incidents", incident);

        Map<String, Object> casualty = new HashMap<>(Map.of("incidentId", incidentId, "outcome", "KILLED",
                "group", "CONSCRIPTED_INMATE", "count", Map.of("best", 1), "confidentiality", confidentiality,
                "person", Map.of("name", PERSON, "prisonerNumber", PRISONER_NUMBER, "hometown", "Bhamo")));
        String casualtyId = create("casualties", casualty);

        Map<String, Object> report = reportBody(prisonId);
        report.put("confidentiality", confidentiality);
        report.put("incidentId", incidentId);
        String reportId = create("armed-inmate-reports", report);
        return new Planted(sourceId, incidentId, casualtyId, reportId);
    }

    @Test
    void noIdentifyingValueReachesAWebhookOfTheAnonymousOrAPartnerAudience() throws Exception {
        String partnerKeyId = api().body(Map.of("name", unique("leak partner"), "role", "PARTNER"))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().path("id");
        try (org.prisonwatch.support.WebhookReceiver anonymous = new org.prisonwatch.support.WebhookReceiver();
                org.prisonwatch.support.WebhookReceiver partner = new org.prisonwatch.support.WebhookReceiver()) {
            List<String> subscriptions = new ArrayList<>();
            for (var target : List.of(Map.entry(anonymous, ""), Map.entry(partner, partnerKeyId))) {
                Map<String, Object> body = new HashMap<>(Map.of("url", target.getKey().url("/leak")));
                body.put("apiKeyId", target.getValue().isEmpty() ? null : target.getValue());
                io.restassured.path.json.JsonPath created = api().body(body).post("/api/v1/webhooks").then()
                        .statusCode(201).extract().jsonPath();
                subscriptions.add(created.getString("id"));
                target.getKey().trusting(created.getString("secret"));
            }
            try {
                String prisonId = prison(unique("Leak hook"));
                Map<String, Planted> planted = new HashMap<>();
                for (String confidentiality : List.of("PUBLIC", "RESTRICTED", "CONFIDENTIAL")) {
                    planted.put(confidentiality, plant(prisonId, confidentiality));
                }
                // every record each audience may see arrives (then nothing is left to come), and nothing else does
                List<String> anonymousSees = planted.get("PUBLIC").ids();
                List<String> partnerSees = new ArrayList<>(anonymousSees);
                partnerSees.addAll(planted.get("RESTRICTED").ids());
                var anonymousGot = anonymous.await(java.time.Duration.ofSeconds(30), all -> all.stream()
                        .map(org.prisonwatch.support.WebhookReceiver.Received::recordId).toList()
                        .containsAll(anonymousSees));
                var partnerGot = partner.await(java.time.Duration.ofSeconds(30), all -> all.stream()
                        .map(org.prisonwatch.support.WebhookReceiver.Received::recordId).toList()
                        .containsAll(partnerSees));
                List<String> leaks = new ArrayList<>();
                for (var got : List.of(Map.entry("anonymous", anonymousGot), Map.entry("partner", partnerGot))) {
                    for (var delivery : got.getValue()) {
                        assertTrue(delivery.verified(), "unsigned delivery");
                        CANARIES.stream().filter(delivery.body()::contains).forEach(canary -> leaks.add(
                                got.getKey() + " webhook " + delivery.recordId() + " shows " + canary));
                    }
                }
                assertEquals(List.of(), leaks);
                List<String> hidden = new ArrayList<>(planted.get("CONFIDENTIAL").ids());
                assertTrue(partnerGot.stream().noneMatch(r -> hidden.contains(r.recordId())),
                        "a confidential record reached a partner");
                hidden.addAll(planted.get("RESTRICTED").ids());
                assertTrue(anonymousGot.stream().noneMatch(r -> hidden.contains(r.recordId())),
                        "a restricted record reached the anonymous audience");
            } finally {
                subscriptions.forEach(id -> api().delete("/api/v1/webhooks/" + id).then().statusCode(204));
            }
        }
    }

    @Test
    void byReferenceAnswersToAPartnerCarryNoPersonAnAnalystAdded() {
        String prisonId = prison(unique("Leak"));
        String incidentRef = unique("leak-inc");
        String incidentId = org.prisonwatch.support.Api.as(Role.PARTNER)
                .body(incidentBody(prisonId, "2025-03-01", null)).put("/api/v1/incidents/by-ref/" + incidentRef)
                .then().statusCode(201).extract().path("id");
        Map<String, Object> casualty = new HashMap<>(Map.of("incidentId", incidentId, "outcome", "KILLED",
                "group", "CONSCRIPTED_INMATE", "count", Map.of("best", 1)));
        String ref = unique("leak-cas");
        String id = org.prisonwatch.support.Api.as(Role.PARTNER).body(casualty)
                .put("/api/v1/casualties/by-ref/" + ref).then().statusCode(201).extract().path("id");
        org.prisonwatch.support.Api.as(Role.ANALYST).contentType("application/merge-patch+json")
                .header("If-Match", "\"1\"").body(Map.of("person", Map.of("name", PERSON)))
                .patch("/api/v1/casualties/" + id).then().statusCode(200);

        List<Response> answers = List.of(
                org.prisonwatch.support.Api.as(Role.PARTNER).body(casualty).put("/api/v1/casualties/by-ref/" + ref),
                org.prisonwatch.support.Api.as(Role.PARTNER).header("If-Match", "\"2\"")
                        .body(Map.of("incidentId", incidentId, "outcome", "INJURED", "group", "CONSCRIPTED_INMATE",
                                "count", Map.of("best", 1)))
                        .put("/api/v1/casualties/by-ref/" + ref),
                org.prisonwatch.support.Api.as(Role.PARTNER).get("/api/v1/casualties/" + id),
                org.prisonwatch.support.Api.as(Role.PARTNER).get("/api/v1/casualties/" + id + "/history"));
        for (Response answer : answers) {
            org.junit.jupiter.api.Assertions.assertFalse(answer.asString().contains(PERSON), answer.asString());
        }
        assertEquals(200, answers.get(1).statusCode());
        api().get("/api/v1/casualties/" + id).then().body("person.name", org.hamcrest.Matchers.equalTo(PERSON));
    }

    @Test
    void anErasedPersonReachesNoOneAnywhereNotEvenAdmins() {
        String erased = unique("CANARYERASED");
        String prisonId = prison(unique("Leak"));
        String feedBefore = org.prisonwatch.support.FeedReader.atEnd(() -> api()).cursor();
        String incidentId = org.prisonwatch.support.Api.as(Role.REPORTER)
                .body(incidentBody(prisonId, "2025-03-01", null)).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> casualty = new HashMap<>(Map.of("incidentId", incidentId, "outcome", "KILLED",
                "group", "CONSCRIPTED_INMATE", "count", Map.of("best", 1), "person", Map.of("name", erased)));
        String key = unique("leak-key");
        String id = org.prisonwatch.support.Api.as(Role.REPORTER).header("Idempotency-Key", key).body(casualty)
                .post("/api/v1/casualties").then().statusCode(201).extract().path("id");
        org.prisonwatch.support.Api.as(Role.REPORTER).contentType("application/merge-patch+json")
                .header("If-Match", "\"1\"").body(Map.of("notes", "v2")).patch("/api/v1/casualties/" + id)
                .then().statusCode(200);
        api().header("If-Match", "\"2\"").delete("/api/v1/casualties/" + id + "/person").then().statusCode(204);

        List<String> seen = new ArrayList<>();
        for (Supplier<RequestSpecification> caller : List.<Supplier<RequestSpecification>>of(() -> api(),
                () -> org.prisonwatch.support.Api.as(Role.REPORTER))) {
            for (String path : List.of("/api/v1/casualties/" + id, "/api/v1/casualties/" + id + "/history",
                    "/api/v1/incidents/" + incidentId + "/casualties", "/api/v1/casualties?incidentId=" + incidentId,
                    "/api/v1/changes?limit=500&after=" + feedBefore, "/api/v1/audit?entityId=" + id)) {
                seen.add(caller.get().get(path).asString());
            }
        }
        seen.add(org.prisonwatch.support.Api.as(Role.REPORTER).header("Idempotency-Key", key).body(casualty)
                .post("/api/v1/casualties").asString());
        assertEquals(List.of(), seen.stream().filter(body -> body.contains(erased)).toList());
    }
}
