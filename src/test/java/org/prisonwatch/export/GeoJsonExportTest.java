package org.prisonwatch.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Fixtures;
import org.prisonwatch.support.Keys;

/** Lists as RFC 7946 FeatureCollections: lon-lat points, the caller's redaction, records without a place left out. */
@QuarkusTest
class GeoJsonExportTest {

    static final String DAY = "1982-02-02";
    static final ObjectMapper JSON = new ObjectMapper();

    static String ownPlace;
    static String prisonPlace;
    static String nowhere;

    @BeforeEach
    void fixture() {
        if (ownPlace != null) {
            return;
        }
        Map<String, Object> located = Fixtures.prisonBody(Fixtures.unique("Geo"));
        located.put("latitude", 24.2656);
        located.put("longitude", 97.2343);
        String prison = Fixtures.create("prisons", located);
        String unlocated = Fixtures.prison(Fixtures.unique("Geo"));
        Map<String, Object> own = Fixtures.incidentBody(prison, DAY, DAY);
        own.put("confidentiality", "PUBLIC");
        own.put("latitude", 24.26561);
        own.put("longitude", 97.23437);
        ownPlace = Fixtures.create("incidents", own);
        prisonPlace = Fixtures.incidentOn(prison, DAY, "PUBLIC");
        nowhere = Fixtures.incidentOn(unlocated, DAY, "PUBLIC");
        Fixtures.incidentOn(prison, DAY, "RESTRICTED");
        Map<String, Object> casualty = new HashMap<>(Fixtures.casualtyBody(ownPlace));
        casualty.put("confidentiality", "PUBLIC");
        casualty.put("occurredOn", DAY);
        casualty.put("person", Map.of("name", "Geo Person"));
        Fixtures.create("casualties", casualty);
    }

    @Test
    void incidentsArePointsInLongitudeLatitudeOrder() throws Exception {
        JsonNode collection = export(null, "/api/v1/incidents");
        Map<String, JsonNode> features = features(collection);
        assertEquals(2, features.size(), "the RESTRICTED one and the one without a place are left out");
        assertFalse(features.containsKey(nowhere));
        assertEquals(List.of(97.23, 24.27), coordinates(features.get(ownPlace)), "rounded for anonymous callers");
        assertEquals(List.of(97.2343, 24.2656), coordinates(features.get(prisonPlace)), "the prison's place");
        JsonNode listed = JSON.readTree(given().accept("application/json").queryParam("from", DAY)
                .queryParam("to", DAY).queryParam("prisonId", features.get(ownPlace).at("/properties/prisonId")
                        .asText()).get("/api/v1/incidents").asString()).at("/items");
        for (JsonNode record : listed) {
            assertEquals(record, features.get(record.get("id").asText()).get("properties"),
                    "properties are the record as the list renders it");
        }
        JsonNode staff = export(Role.ANALYST, "/api/v1/incidents");
        assertEquals(3, features(staff).size());
        assertEquals(List.of(97.23437, 24.26561), coordinates(features(staff).get(ownPlace)));
    }

    @Test
    void casualtiesAreAtTheirIncidentsPrisonAndCarryNoPersonForThePublic() throws Exception {
        JsonNode collection = export(null, "/api/v1/casualties");
        assertEquals(1, collection.get("features").size());
        JsonNode feature = collection.get("features").get(0);
        assertEquals(List.of(97.2343, 24.2656), coordinates(feature));
        assertFalse(feature.toString().contains("Geo Person"));
        assertTrue(export(Role.ANALYST, "/api/v1/casualties").toString().contains("Geo Person"));
    }

    private static JsonNode export(Role role, String path) throws Exception {
        var request = given().accept("application/geo+json").queryParam("from", DAY).queryParam("to", DAY);
        if (role != null) {
            request.header("Authorization", "Bearer " + Keys.of(role));
        }
        String body = request.get(path).then().statusCode(200)
                .header("Content-Type", startsWith("application/geo+json")).extract().asString();
        JsonNode collection = JSON.readTree(body);
        assertRfc7946(collection);
        return collection;
    }

    /** The members RFC 7946 requires of a FeatureCollection of Points, and nothing it forbids (no crs). */
    private static void assertRfc7946(JsonNode collection) {
        assertEquals("FeatureCollection", collection.get("type").asText());
        assertFalse(collection.has("crs"));
        assertTrue(collection.get("features").isArray());
        for (JsonNode feature : collection.get("features")) {
            assertEquals("Feature", feature.get("type").asText());
            assertEquals("Point", feature.at("/geometry/type").asText());
            JsonNode position = feature.at("/geometry/coordinates");
            assertEquals(2, position.size());
            assertTrue(position.get(0).isNumber() && Math.abs(position.get(0).asDouble()) <= 180, "longitude");
            assertTrue(position.get(1).isNumber() && Math.abs(position.get(1).asDouble()) <= 90, "latitude");
            assertTrue(feature.get("properties").isObject());
        }
    }

    private static Map<String, JsonNode> features(JsonNode collection) {
        Map<String, JsonNode> byId = new HashMap<>();
        collection.get("features").forEach(f -> byId.put(f.at("/properties/id").asText(), f));
        return byId;
    }

    private static List<Double> coordinates(JsonNode feature) {
        JsonNode position = feature.at("/geometry/coordinates");
        return List.of(position.get(0).asDouble(), position.get(1).asDouble());
    }
}
