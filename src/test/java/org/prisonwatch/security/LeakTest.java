package org.prisonwatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.restassured.RestAssured.given;
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
                "/api/v1/casualties/by-ref/leak-probe", "/api/v1/incidents/by-ref/leak-probe", "/api/v1/admin/api-keys", "/api/v1/audit", "/api/v1/audit/verify"));

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
        for (String canary : CANARIES) {
            org.junit.jupiter.api.Assertions.assertTrue(staffView.contains(canary), canary + " was not planted");
        }
    }
}
