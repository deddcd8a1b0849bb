package org.prisonwatch.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Fixtures;
import org.prisonwatch.support.Keys;

/**
 * Lists as CSV: a standard parser reads back what the JSON list says, the second row holds the HXL hashtags, the
 * caller's redaction applies, and the file spans every page (the test profile reads 7 records a page).
 */
@QuarkusTest
class CsvExportTest {

    static final List<String> INCIDENT_HXL = List.of("#event+code", "#event+type", "#event+name", "#date+start",
            "#date+end", "#date+precision", "#date+reported", "#adm1+name", "#adm1+code", "#adm3+name", "#adm3+code",
            "#loc+code", "#loc+name", "#loc+name+described", "#geo+lat", "#geo+lon", "#affected", "#affected+min",
            "#affected+max", "#group+name+perpetrator", "#group+name+opposing", "#status", "#meta+confidentiality",
            "#meta+source", "#description", "#meta+ref", "#meta+version", "#date+updated");

    static String prisonId;
    static String region;
    static List<String> publicIds = new ArrayList<>();

    @BeforeEach
    void fixture() {
        if (prisonId != null) {
            return;
        }
        region = Fixtures.unique("Csv");
        Map<String, Object> prison = Fixtures.prisonBody(region);
        prison.put("township", "Bhamo");
        prison.put("pcode", "MMR001010");
        prison.put("latitude", 24.2656);
        prison.put("longitude", 97.2343);
        prisonId = Fixtures.create("prisons", prison);
        String source = Fixtures.source();
        for (int i = 0; i < 17; i++) {
            Map<String, Object> incident = Fixtures.incidentBody(prisonId, "2025-03-01", "2025-03-31");
            incident.put("confidentiality", "PUBLIC");
            if (i == 0) {
                incident.put("title", "=HYPERLINK(\"http://evil.example\",\"click\")");
                incident.put("description", "Line one, with a comma\nline \"two\"; ဗန်းမော်အကျဉ်းထောင်");
                incident.put("perpetrators", List.of("Myanmar military", "-militia"));
                incident.put("peopleAffected", Map.of("min", 40, "best", 50, "max", 60));
                incident.put("latitude", 24.26561);
                incident.put("longitude", 97.23437);
                incident.put("citations", List.of(Map.of("sourceId", source, "reliability", "B",
                        "credibility", 2)));
            }
            publicIds.add(Fixtures.create("incidents", incident));
        }
        Map<String, Object> restricted = Fixtures.incidentBody(prisonId, "2025-04-01", null);
        restricted.put("confidentiality", "RESTRICTED");
        Fixtures.create("incidents", restricted);
    }

    @Test
    void anIncidentExportReadsBackAsTheListDoes() throws IOException {
        Response csv = given().accept("text/csv").queryParam("prisonId", prisonId).get("/api/v1/incidents");
        csv.then().statusCode(200).header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"incidents.csv\""));
        List<List<String>> rows = parse(csv.asString());
        assertTrue(csv.asString().contains("\r\n"), "RFC 4180 line breaks");
        List<String> header = rows.get(0);
        assertEquals(INCIDENT_HXL, rows.get(1), "the HXL row, column by column");
        assertEquals(2 + 17, rows.size(), "every public incident, over three pages, and no restricted one");

        JsonPath json = given().accept("application/json").queryParam("prisonId", prisonId).queryParam("limit", 500)
                .get("/api/v1/incidents").then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> byId = new HashMap<>();
        rows.subList(2, rows.size()).forEach(row -> byId.put(row.get(header.indexOf("id")), row));
        assertEquals(new java.util.HashSet<>(publicIds), byId.keySet());
        List<String> first = byId.get(publicIds.get(0));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", first.get(header.indexOf("title")),
                "a formula is prefixed, the rest kept");
        assertEquals(json.getString("items.find { it.id == '" + publicIds.get(0) + "' }.description"),
                first.get(header.indexOf("description")), "commas, quotes, a line break and Burmese survive");
        assertEquals("Myanmar military; -militia", first.get(header.indexOf("perpetrators")));
        assertEquals(json.getString("items.find { it.id == '" + publicIds.get(0) + "' }.latitude"),
                first.get(header.indexOf("latitude")), "rounded for an anonymous caller, as in the list");
        assertEquals("24.27", first.get(header.indexOf("latitude")));
        assertEquals("50", first.get(header.indexOf("peopleAffected")));
        assertEquals("40", first.get(header.indexOf("peopleAffectedMin")));
        assertEquals(region, first.get(header.indexOf("stateRegion")));
        assertEquals("MMR001", first.get(header.indexOf("stateRegionPcode")));
        assertEquals("MMR001010", first.get(header.indexOf("townshipPcode")));
        assertEquals("Bhamo", first.get(header.indexOf("township")));
        List<String> other = byId.get(publicIds.get(1));
        assertEquals("24.2656", other.get(header.indexOf("latitude")), "no coordinates of its own: the prison's");
        assertEquals("", other.get(header.indexOf("peopleAffected")));
    }

    @Test
    void staffExportTheirWiderView() throws IOException {
        String body = given().accept("text/csv").header("Authorization", "Bearer " + Keys.of(Role.ANALYST))
                .queryParam("prisonId", prisonId).get("/api/v1/incidents").then().statusCode(200).extract()
                .asString();
        List<List<String>> rows = parse(body);
        assertEquals(2 + 18, rows.size());
        assertTrue(body.contains("24.26561"), "exact coordinates for staff");
    }

    @Test
    void anExportStartsAtTheCursorAndKeepsTheFilters() throws IOException {
        String cursor = given().accept("application/json").queryParam("prisonId", prisonId).queryParam("limit", 5)
                .get("/api/v1/incidents").then().statusCode(200).extract().path("nextCursor");
        List<List<String>> rows = parse(given().accept("text/csv").queryParam("prisonId", prisonId)
                .queryParam("cursor", cursor).get("/api/v1/incidents").then().statusCode(200).extract().asString());
        assertEquals(2 + 12, rows.size());
        assertFalse(rows.stream().anyMatch(row -> row.contains(publicIds.get(0))));
    }

    @Test
    void aBadRequestIsStillAProblem() {
        given().accept("text/csv").queryParam("prisonId", "not-a-uuid").get("/api/v1/incidents").then()
                .statusCode(400).header("Content-Type", startsWith("application/problem+json"));
        given().accept("text/csv").queryParam("cursor", "forged").get("/api/v1/incidents").then().statusCode(400);
    }

    @Test
    void formulaTextIsDefusedBehindSpacesAndInFullWidthToo() throws IOException {
        String ownPrison = Fixtures.prison(region);
        for (String title : java.util.List.of(" =1+1", "\u00a0@SUM(A1)", "\uff1d1+1", "\t-2")) {
            Map<String, Object> incident = Fixtures.incidentBody(ownPrison, "1983-03-03", null);
            incident.put("confidentiality", "PUBLIC");
            incident.put("title", title);
            Fixtures.create("incidents", incident);
        }
        List<List<String>> rows = parse(given().accept("text/csv").queryParam("from", "1983-03-03")
                .queryParam("to", "1983-03-03").get("/api/v1/incidents").then().statusCode(200).extract().asString());
        int title = rows.get(0).indexOf("title");
        assertEquals(4, rows.size() - 2);
        rows.subList(2, rows.size()).forEach(row -> assertTrue(row.get(title).startsWith("'"), row.get(title)));
    }

    @Test
    void theAcceptHeaderChoosesAmongWhatTheListOffers() {
        given().accept("application/geo+json, text/csv;q=0.5").get("/api/v1/sources").then().statusCode(200)
                .header("Content-Type", startsWith("text/csv"));
        given().accept("application/json;q=0.2, application/geo+json").queryParam("prisonId", prisonId)
                .get("/api/v1/incidents").then().statusCode(200).header("Content-Type", startsWith("application/geo+json"));
        given().accept("application/*").queryParam("prisonId", prisonId).get("/api/v1/incidents").then()
                .statusCode(200).header("Content-Type", startsWith("application/json"));
        given().accept("application/xml").get("/api/v1/incidents").then().statusCode(406);
    }

    @Test
    void jsonStaysTheDefault() {
        given().accept("*/*").queryParam("prisonId", prisonId).get("/api/v1/incidents").then().statusCode(200)
                .header("Content-Type", startsWith("application/json"));
        given().accept("application/json, text/csv;q=0.5").queryParam("prisonId", prisonId).get("/api/v1/incidents")
                .then().statusCode(200).header("Content-Type", startsWith("application/json"));
        given().accept("text/csv;q=0.9, application/json;q=0.1").queryParam("prisonId", prisonId)
                .get("/api/v1/incidents").then().statusCode(200).header("Content-Type", startsWith("text/csv"));
    }

    @Test
    void aCasualtyExportTagsCountsByOutcomeAndKeepsPersonsAndHiddenPlacesFromThePublic() throws IOException {
        String ownPrison = Fixtures.prison(region);
        String open = Fixtures.incidentOn(ownPrison, "1981-07-07", "PUBLIC");
        String hidden = Fixtures.incidentOn(ownPrison, "1981-07-07", "CONFIDENTIAL");
        casualty(open, "KILLED", Map.of("min", 2, "best", 3, "max", 5), "CSV Person");
        casualty(open, "INJURED", Map.of("best", 1), null);
        casualty(hidden, "MISSING", Map.of("min", 4), null);

        String publicBody = given().accept("text/csv").queryParam("from", "1981-07-07").queryParam("to", "1981-07-07")
                .get("/api/v1/casualties").then().statusCode(200).extract().asString();
        assertFalse(publicBody.contains("CSV Person"));
        List<List<String>> rows = parse(publicBody);
        List<String> header = rows.get(0);
        List<String> hxl = rows.get(1);
        for (String outcome : List.of("killed", "injured", "missing", "captured")) {
            assertEquals("#affected+" + outcome, hxl.get(header.indexOf(outcome)));
            assertEquals("#affected+" + outcome + "+min", hxl.get(header.indexOf(outcome + "Min")));
            assertEquals("#affected+" + outcome + "+max", hxl.get(header.indexOf(outcome + "Max")));
        }
        assertEquals("#event+code", hxl.get(header.indexOf("incidentId")));
        assertEquals("#adm1+name", hxl.get(header.indexOf("stateRegion")));
        assertEquals(2 + 3, rows.size());
        List<String> killed = rows.stream().filter(row -> row.get(header.indexOf("outcome")).equals("KILLED"))
                .findFirst().orElseThrow();
        assertEquals(List.of("3", "2", "5", "", ""), List.of(killed.get(header.indexOf("killed")),
                killed.get(header.indexOf("killedMin")), killed.get(header.indexOf("killedMax")),
                killed.get(header.indexOf("injured")), killed.get(header.indexOf("personName"))));
        assertEquals(region, killed.get(header.indexOf("stateRegion")));
        List<String> missing = rows.stream().filter(row -> row.get(header.indexOf("outcome")).equals("MISSING"))
                .findFirst().orElseThrow();
        assertEquals("", missing.get(header.indexOf("stateRegion")), "its incident is hidden: no place");
        assertEquals("", missing.get(header.indexOf("prison")));

        List<List<String>> staff = parse(given().accept("text/csv")
                .header("Authorization", "Bearer " + Keys.of(Role.ANALYST)).queryParam("from", "1981-07-07")
                .queryParam("to", "1981-07-07").get("/api/v1/casualties").then().statusCode(200).extract()
                .asString());
        assertTrue(staff.stream().anyMatch(row -> row.get(header.indexOf("personName")).equals("CSV Person")));
        assertTrue(staff.stream().filter(row -> row.get(header.indexOf("outcome")).equals("MISSING"))
                .allMatch(row -> row.get(header.indexOf("stateRegion")).equals(region)));
    }

    @Test
    void prisonsReportsAndSourcesExportToo() throws IOException {
        List<List<String>> prisons = parse(given().accept("text/csv").queryParam("stateRegion", region)
                .get("/api/v1/prisons").then().statusCode(200).extract().asString());
        List<String> header = prisons.get(0);
        assertEquals("#loc+code", prisons.get(1).get(header.indexOf("id")));
        assertEquals("#adm3+code", prisons.get(1).get(header.indexOf("townshipPcode")));
        List<String> prison = prisons.stream().filter(row -> row.get(0).equals(prisonId)).findFirst().orElseThrow();
        assertEquals(List.of("MMR001", "MMR001010", "24.2656"), List.of(prison.get(header.indexOf("stateRegionPcode")),
                prison.get(header.indexOf("townshipPcode")), prison.get(header.indexOf("latitude"))));

        Map<String, Object> report = Fixtures.reportBody(prisonId);
        report.put("inmatesArmed", Map.of("min", 40, "best", 50, "max", 60));
        report.put("confidentiality", "PUBLIC");
        Fixtures.create("armed-inmate-reports", report);
        List<List<String>> reports = parse(given().accept("text/csv").queryParam("prisonId", prisonId)
                .get("/api/v1/armed-inmate-reports").then().statusCode(200).extract().asString());
        List<String> reportHeader = reports.get(0);
        assertEquals("#inmates+armed", reports.get(1).get(reportHeader.indexOf("inmatesArmed")));
        assertEquals(3, reports.size());
        assertEquals(List.of("50", "40", region, "SENTENCE_REDUCTION"), List.of(
                reports.get(2).get(reportHeader.indexOf("inmatesArmed")),
                reports.get(2).get(reportHeader.indexOf("inmatesArmedMin")),
                reports.get(2).get(reportHeader.indexOf("stateRegion")),
                reports.get(2).get(reportHeader.indexOf("inducements"))));
        String geo = given().accept("application/geo+json").queryParam("prisonId", prisonId)
                .get("/api/v1/armed-inmate-reports").then().statusCode(200).extract().asString();
        assertTrue(geo.contains("\"coordinates\":[97.2343,24.2656]"), geo);

        Map<String, Object> source = Fixtures.sourceBody();
        source.put("contact", "csv-contact-canary@example.org");
        source.put("confidentiality", "PUBLIC");
        Fixtures.create("sources", source);
        String publicSources = given().accept("text/csv").queryParam("q", (String) source.get("name"))
                .get("/api/v1/sources").then().statusCode(200).extract().asString();
        assertEquals(3, parse(publicSources).size());
        assertFalse(publicSources.contains("csv-contact-canary"));
        assertTrue(given().accept("text/csv").header("Authorization", "Bearer " + Keys.of(Role.ANALYST))
                .queryParam("q", (String) source.get("name")).get("/api/v1/sources").then().statusCode(200).extract()
                .asString().contains("csv-contact-canary@example.org"));
        given().accept("application/geo+json").get("/api/v1/sources").then().statusCode(406);
    }

    /** The lists within a prison or an incident export exactly as their collection filtered to it does. */
    @Test
    void nestedListsExportAsTheirCollectionDoes() throws IOException {
        String nested = given().accept("text/csv").get("/api/v1/prisons/" + prisonId + "/incidents").then()
                .statusCode(200).header("Content-Disposition", equalTo("attachment; filename=\"incidents.csv\""))
                .extract().asString();
        String filtered = given().accept("text/csv").queryParam("prisonId", prisonId).get("/api/v1/incidents")
                .then().statusCode(200).extract().asString();
        assertEquals(2 + 17, parse(nested).size());
        assertEquals(filtered, nested);
        String geo = given().accept("application/geo+json").get("/api/v1/prisons/" + prisonId + "/incidents")
                .then().statusCode(200).header("Content-Type", startsWith("application/geo+json")).extract()
                .asString();
        assertEquals(17, JsonPath.from(geo).getList("features").size());

        String reportPrison = Fixtures.prison(region);
        Map<String, Object> report = Fixtures.reportBody(reportPrison);
        report.put("confidentiality", "PUBLIC");
        Fixtures.create("armed-inmate-reports", report);
        String reports = given().accept("text/csv").get("/api/v1/prisons/" + reportPrison + "/armed-inmate-reports")
                .then().statusCode(200).extract().asString();
        assertEquals(3, parse(reports).size());
        assertEquals(given().accept("text/csv").queryParam("prisonId", reportPrison)
                .get("/api/v1/armed-inmate-reports").asString(), reports);

        String incidentId = publicIds.get(0);
        Map<String, Object> casualty = new HashMap<>(Fixtures.casualtyBody(incidentId));
        casualty.put("confidentiality", "PUBLIC");
        casualty.put("person", Map.of("name", "Nested Export Canary"));
        Fixtures.create("casualties", casualty);
        String casualties = given().accept("text/csv").get("/api/v1/incidents/" + incidentId + "/casualties").then()
                .statusCode(200).extract().asString();
        assertEquals(given().accept("text/csv").queryParam("incidentId", incidentId).get("/api/v1/casualties")
                .asString(), casualties);
        assertEquals(3, parse(casualties).size());
        assertFalse(casualties.contains("Nested Export Canary"), "no person for an anonymous caller");
        assertTrue(given().accept("text/csv").header("Authorization", "Bearer " + Keys.of(Role.ANALYST))
                .get("/api/v1/incidents/" + incidentId + "/casualties").asString().contains("Nested Export Canary"));

        // an unknown prison or incident is a 404 problem, never an empty file
        for (String path : List.of("/api/v1/prisons/" + UUID.randomUUID() + "/incidents",
                "/api/v1/prisons/" + UUID.randomUUID() + "/armed-inmate-reports",
                "/api/v1/incidents/" + UUID.randomUUID() + "/casualties")) {
            for (String type : List.of("text/csv", "application/geo+json")) {
                given().accept(type).get(path).then().statusCode(404)
                        .header("Content-Type", startsWith("application/problem+json"));
            }
        }
    }

    private static void casualty(String incidentId, String outcome, Map<String, Object> count, String person) {
        Map<String, Object> body = new HashMap<>(Fixtures.casualtyBody(incidentId));
        body.put("outcome", outcome);
        body.put("count", count);
        body.put("confidentiality", "PUBLIC");
        body.put("occurredOn", "1981-07-07");
        if (person != null) {
            body.put("person", Map.of("name", person));
        }
        Fixtures.create("casualties", body);
    }

    static List<List<String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerFor(List.class).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
