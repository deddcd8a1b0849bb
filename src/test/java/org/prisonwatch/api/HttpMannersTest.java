package org.prisonwatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.incidentOn;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.prisonBody;
import static org.prisonwatch.support.Fixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Keys;

/**
 * What a generic HTTP client may expect: Accept read generously, Allow on 405 and OPTIONS, 304 on revalidation, a
 * page sent whole with its length.
 */
@QuarkusTest
class HttpMannersTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aClientThatAcceptsOnlyProblemDocumentsStillGetsItsSuccessfulAnswers() {
        String region = unique("Accept");
        String id = given().auth().oauth2(Keys.BOOTSTRAP_ADMIN).contentType("application/json").accept(PROBLEM)
                .body(prisonBody(region)).post("/api/v1/prisons").then().statusCode(201)
                .contentType("application/json").body("stateRegion", equalTo(region)).extract().path("id");
        given().accept(PROBLEM + ";q=0.9").queryParam("stateRegion", region).get("/api/v1/prisons").then()
                .statusCode(200).contentType("application/json").body("items[0].id", equalTo(id));
        String etag = given().accept(PROBLEM).get("/api/v1/prisons/" + id).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(Keys.BOOTSTRAP_ADMIN).accept(PROBLEM).header("If-Match", etag)
                .delete("/api/v1/prisons/" + id).then().statusCode(204);

        given().accept(PROBLEM).get("/api/v1/prisons/" + id).then().statusCode(404).contentType(PROBLEM);
        // any other type named keeps its say: this is still an export, not JSON
        given().accept("text/csv, " + PROBLEM).queryParam("stateRegion", region).get("/api/v1/prisons").then()
                .statusCode(200).contentType(startsWith("text/csv"));
        given().accept("application/problem+jsonx").get("/api/v1/prisons").then().statusCode(406);
    }

    @Test
    void aPageOfFiftyIsSentWholeWithItsLengthNotInChunks() {
        // one array handed to the connection (PageBodyWriter), after Quarkus's own 8 kB chunks
        String prisonId = prison(unique("Whole pages"));
        for (int i = 0; i < 30; i++) {
            incidentOn(prisonId, "2025-03-01", "PUBLIC");
        }
        // uncompressed, so that its length is the page's own (REST Assured asks for gzip unless told not to)
        io.restassured.response.Response page = anonymous().config(io.restassured.RestAssured.config()
                        .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()))
                .get("/api/v1/incidents?prisonId=" + prisonId);
        page.then().statusCode(200).body("items.size()", equalTo(30)).header("Transfer-Encoding", nullValue());
        int length = page.asByteArray().length;
        assertTrue(length > 8192, "larger than Quarkus's default output buffer: " + length + " bytes");
        assertEquals(String.valueOf(length), page.header("Content-Length"));
    }

    @Test
    void aPageLargerThanTheOutputBufferIsStreamedInChunksAndArrivesWhole() {
        String prisonId = prison(unique("Streamed pages"));
        // twelve incidents of 15,000 characters each: some 180 kB, past the 128 kB output buffer
        String description = "Witnessed inmates armed at the gate. ".repeat(405);
        for (int i = 0; i < 12; i++) {
            Map<String, Object> body = incidentBody(prisonId, "2025-03-01", "2025-03-01");
            body.put("confidentiality", "PUBLIC");
            body.put("description", description + i);
            create("incidents", body);
        }
        io.restassured.response.Response page = anonymous().config(io.restassured.RestAssured.config()
                        .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()))
                .get("/api/v1/incidents?limit=12&prisonId=" + prisonId);
        page.then().statusCode(200).contentType("application/json").header("Transfer-Encoding", "chunked")
                .header("Content-Length", nullValue()).body("items.size()", equalTo(12));
        assertTrue(page.asByteArray().length > 131072, "larger than the output buffer: "
                + page.asByteArray().length + " bytes");
        TreeSet<String> descriptions = new TreeSet<>(page.jsonPath().getList("items.description", String.class));
        TreeSet<String> expected = new TreeSet<>();
        for (int i = 0; i < 12; i++) {
            expected.add(description + i);
        }
        assertEquals(expected, descriptions);
    }

    @Test
    void aMethodAPathDoesNotTakeIs405WithTheMethodsItDoesTake() {
        String id = prison(unique("Allow"));
        given().auth().oauth2(Keys.BOOTSTRAP_ADMIN).contentType("application/json").body("{}")
                .post("/api/v1/prisons/" + id).then().statusCode(405).contentType(PROBLEM)
                .header("Allow", "DELETE, GET, HEAD, OPTIONS, PATCH, PUT");
        given().delete("/api/v1").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
        given().delete("/api/v1/changes").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void optionsOnAPathNoResourceAnswersIs404AndAnEncodedSlashStillGetsItsAllow() {
        given().options("/api/v1/prisons/x/y/z").then().statusCode(404).contentType(PROBLEM)
                .header("Allow", nullValue());
        given().auth().oauth2(Keys.BOOTSTRAP_ADMIN).contentType("application/json").body("{}")
                .urlEncodingEnabled(false).post("/api/v1/incidents/by-ref/a%2Fb").then().statusCode(405)
                .header("Allow", "OPTIONS, PUT");
    }

    @Test
    void severalAcceptLinesAreOneListAndAProblemNeverEchoesAnOverlongPath() {
        given().header("Accept", PROBLEM).header("Accept", "text/csv").get("/api/v1/prisons").then()
                .statusCode(200).contentType(startsWith("text/csv"));
        given().header("Authorization", "Bearer pw_not-a-key").get("/api/v1/prisons").then().statusCode(401)
                .header("Vary", containsString("Authorization"));
        String instance = given().accept(PROBLEM).get("/api/v1/incidents/" + "a".repeat(3000)).then()
                .statusCode(400).extract().path("instance");
        assertEquals("/api/v1/incidents", instance);
    }

    /** OPTIONS on every path of the spec names exactly the spec's methods for it (and HEAD with GET). */
    @Test
    void optionsOnEveryPathOfTheSpecNamesExactlyItsMethods() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(Files.readString(Path.of("openapi", "openapi.json")));
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            TreeSet<String> expected = new TreeSet<>(List.of("OPTIONS"));
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                    expected.add(method.toUpperCase());
                }
            });
            if (expected.contains("GET")) {
                expected.add("HEAD");
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f");
            String allow = given().options(concrete).then().extract().header("Allow");
            if (!String.join(", ", expected).equals(allow)) {
                faults.add(path.getKey() + ": Allow " + allow + ", spec " + expected);
            }
        }
        assertTrue(faults.isEmpty(), String.join("\n", faults));
    }

    @Test
    void aRecordTheClientAlreadyHoldsIs304UntilItChanges() {
        String id = prison(unique("Revalidate"));
        String path = "/api/v1/prisons/" + id;
        String etag = anonymous().get(path).then().statusCode(200).header("Vary", containsString("Authorization"))
                .extract().header("ETag");

        anonymous().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag)
                .body(emptyString());
        anonymous().header("If-None-Match", "\"999\", W/" + etag).get(path).then().statusCode(304);
        given().header("If-None-Match", etag).head(path).then().statusCode(304);
        anonymous().header("If-None-Match", "\"999\"").get(path).then().statusCode(200).header("ETag", etag);

        String changed = api().header("If-Match", etag).contentType("application/merge-patch+json; charset=UTF-8")
                .body(Map.of("name", unique("Renamed"))).patch(path).then().statusCode(200).extract().header("ETag");
        anonymous().header("If-None-Match", etag).get(path).then().statusCode(200).header("ETag", changed);
    }

    @Test
    void revalidationNeverTellsAStrangerThatAHiddenRecordExists() {
        String incident = incidentOn(prison(unique("Hidden")), "2025-03-01", "RESTRICTED");
        String path = "/api/v1/incidents/" + incident;
        String etag = as(Role.ANALYST).get(path).then().statusCode(200).extract().header("ETag");

        anonymous().header("If-None-Match", etag).get(path).then().statusCode(404);
        anonymous().header("If-None-Match", "*").get(path).then().statusCode(404);
        as(Role.ANALYST).header("If-None-Match", etag).get(path).then().statusCode(304);
        assertEquals("\"1\"", etag);
    }
}
