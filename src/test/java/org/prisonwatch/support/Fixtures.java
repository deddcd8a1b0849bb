package org.prisonwatch.support;

import static org.prisonwatch.support.Api.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies and stored records for tests; every call makes unique data, so tests never see each other's. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> prisonBody(String stateRegion) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique("Prison"));
        body.put("stateRegion", stateRegion);
        body.put("kind", "PRISON");
        return body;
    }

    public static Map<String, Object> sourceBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique("Source"));
        body.put("kind", "NGO");
        body.put("defaultReliability", "B");
        return body;
    }

    public static Map<String, Object> incidentBody(String prisonId, String occurredFrom, String occurredTo) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "COMBAT_CASUALTIES");
        body.put("title", unique("Incident"));
        body.put("occurredFrom", occurredFrom);
        if (occurredTo != null) {
            body.put("occurredTo", occurredTo);
        }
        if (prisonId != null) {
            body.put("prisonId", prisonId);
        }
        return body;
    }

    public static Map<String, Object> reportBody(String prisonId) {
        Map<String, Object> body = new HashMap<>();
        body.put("prisonId", prisonId);
        body.put("reportedOn", "2025-06-12");
        body.put("inducements", List.of("SENTENCE_REDUCTION"));
        body.put("roles", List.of("PRISON_SECURITY"));
        return body;
    }

    public static Map<String, Object> casualtyBody(String incidentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("incidentId", incidentId);
        body.put("outcome", "KILLED");
        body.put("group", "CONSCRIPTED_INMATE");
        body.put("count", Map.of("min", 2, "best", 3, "max", 5));
        return body;
    }

    /** POSTs the body and returns the new record's id, failing unless the answer is 201. */
    public static String create(String collection, Map<String, Object> body) {
        return api().body(body).post("/api/v1/" + collection).then().statusCode(201).extract().path("id");
    }

    public static String prison(String stateRegion) {
        return create("prisons", prisonBody(stateRegion));
    }

    public static String source() {
        return create("sources", sourceBody());
    }

    /** An incident on one day, at the given confidentiality. */
    public static String incidentOn(String prisonId, String date, String confidentiality) {
        Map<String, Object> body = incidentBody(prisonId, date, date);
        body.put("confidentiality", confidentiality);
        return create("incidents", body);
    }

    public static String incident(String prisonId) {
        return create("incidents", incidentBody(prisonId, "2025-03-01", "2025-03-31"));
    }
}
