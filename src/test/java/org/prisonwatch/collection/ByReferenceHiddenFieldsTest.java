package org.prisonwatch.collection;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Database;

/**
 * Issue 9, gap 3: a partner's by-reference PUT is judged on the fields the partner can read. It neither tells a
 * guessed hidden value from a wrong one, nor erases the person an analyst added.
 */
@QuarkusTest
class ByReferenceHiddenFieldsTest {

    @Inject
    Database database;

    private static final String INCIDENTS = "/api/v1/incidents/by-ref/";
    private static final String CASUALTIES = "/api/v1/casualties/by-ref/";

    private String partnersIncident(String ref) {
        Map<String, Object> body = incidentBody(prison("Kachin"), "2025-03-01", null);
        return as(Role.PARTNER).body(body).put(INCIDENTS + ref).then().statusCode(201).extract().path("id");
    }

    private record PartnersCasualty(String ref, String id, Map<String, Object> partnersCopy) {
    }

    /** A casualty a partner sent by reference, to which an analyst then added the person's name. */
    private PartnersCasualty partnersCasualtyAnAnalystNamed(String name) {
        String ref = unique("cas");
        Map<String, Object> partnersCopy = casualtyBody(partnersIncident(unique("inc")));
        String id = as(Role.PARTNER).body(partnersCopy).put(CASUALTIES + ref).then().statusCode(201)
                .extract().path("id");
        as(Role.ANALYST).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("person", Map.of("name", name))).patch("/api/v1/casualties/" + id)
                .then().statusCode(200);
        return new PartnersCasualty(ref, id, partnersCopy);
    }

    @Test
    void aPartnersReplaceKeepsThePersonAnAnalystAdded() {
        PartnersCasualty casualty = partnersCasualtyAnAnalystNamed("Witness Naw Seng");
        String ref = casualty.ref();
        String id = casualty.id();
        Map<String, Object> partnersCopy = casualty.partnersCopy();

        // the partner sends back what it has: nothing it can read changed, so nothing to match
        as(Role.PARTNER).body(partnersCopy).put(CASUALTIES + ref).then().statusCode(200)
                .header("ETag", "\"2\"").body("person", nullValue());

        // a real change of its own goes through and leaves the person in place
        Map<String, Object> changed = new HashMap<>(partnersCopy);
        changed.put("notes", "Body returned to the family");
        as(Role.PARTNER).header("If-Match", "\"2\"").body(changed).put(CASUALTIES + ref).then().statusCode(200)
                .header("ETag", "\"3\"");
        api().get("/api/v1/casualties/" + id).then().statusCode(200)
                .body("person.name", equalTo("Witness Naw Seng")).body("notes", equalTo("Body returned to the family"));
    }

    @Test
    void noAnswerTellsARightGuessOfAHiddenPersonFromAWrongOne() {
        PartnersCasualty casualty = partnersCasualtyAnAnalystNamed("Witness Naw Seng");
        String ref = casualty.ref();
        String id = casualty.id();
        Map<String, Object> partnersCopy = casualty.partnersCopy();

        for (String guess : new String[] {"Witness Naw Seng", "Somebody Else"}) {
            Map<String, Object> guessing = new HashMap<>(partnersCopy);
            guessing.put("person", Map.of("name", guess));
            as(Role.PARTNER).body(guessing).put(CASUALTIES + ref).then().statusCode(428);
        }
        assertEquals(2, database.count("select version from casualty where id = ?", id));
    }

    @Test
    void roundedCoordinatesSentBackKeepTheExactOnes() {
        String ref = unique("inc");
        Map<String, Object> body = incidentBody(prison("Kachin"), "2025-03-01", null);
        body.put("latitude", 24.123456);
        body.put("longitude", 97.654321);
        String id = as(Role.PARTNER).body(body).put(INCIDENTS + ref).then().statusCode(201)
                .body("latitude", equalTo(24.12f)).extract().path("id");

        // the partner's copy holds what it read: rounded
        Map<String, Object> asRead = new HashMap<>(body);
        asRead.put("latitude", 24.12);
        asRead.put("longitude", 97.65);
        as(Role.PARTNER).body(asRead).put(INCIDENTS + ref).then().statusCode(200).header("ETag", "\"1\"");
        api().get("/api/v1/incidents/" + id).then().body("latitude", equalTo(24.123456f))
                .body("longitude", equalTo(97.654321f));

        // coordinates that round differently are a change, and need If-Match
        asRead.put("latitude", 24.5);
        as(Role.PARTNER).body(asRead).put(INCIDENTS + ref).then().statusCode(428);
    }
}
