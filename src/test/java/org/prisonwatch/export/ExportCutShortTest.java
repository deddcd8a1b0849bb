package org.prisonwatch.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentOn;
import static org.prisonwatch.support.Fixtures.prisonBody;
import static org.prisonwatch.support.Fixtures.unique;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.PausingStatements;
import org.prisonwatch.support.RawHttp;

/**
 * An export streams for as long as its reader takes; a key revoked meanwhile stops it between two pages, no page read
 * after the revocation goes out, and a file cut short never looks whole: each page is sent as written, the file is
 * left unfinished and the connection reset, and HTTP/1.0, which cannot tell a cut-short body from a whole one, gets
 * no file. The test profile reads 7 records a page.
 */
@QuarkusTest
class ExportCutShortTest {

    /**
     * The start of a page of incidents: the narrow read of its rows' id, version and gating facts, which every page
     * begins with (a page whose renders are not kept then reads its rows whole, a second select from incident with
     * an ORDER BY; prisons and citation rows match neither).
     */
    private static final Pattern INCIDENT_PAGE = Pattern.compile(
            "(?is)\\bselect\\s+\\w+\\.id\\s*,\\s*\\w+\\.version\\s*,.*\\bfrom\\s+incident\\b.*\\border\\s+by\\b");

    @TestHTTPResource("/api/v1/prisons/")
    URI prisons;

    /** What a reader got before the stream ended, and how it ended. */
    private record Received(String body, IOException failure) {
        long rows() {
            return body.lines().count();
        }
    }

    @Test
    void revokingAKeyStopsItsExportBeforeTheNextPage() throws Exception {
        Received received = exportWhileThePageAfterTheFirstIsRead("text/csv", true);
        assertNotNull(received.failure(), "the transfer ends incomplete, never as a whole-looking file");
        // the client may drop what it had buffered when the reset arrives, so at most these came through
        assertTrue(received.rows() <= 2 + 7, "the header, the HXL row and the first page at most");
    }

    /** A GeoJSON file cut short is not a valid document: what arrived does not parse. */
    @Test
    void aGeoJsonExportCutShortIsNotAWholeDocument() throws Exception {
        Received received = exportWhileThePageAfterTheFirstIsRead("application/geo+json", true);
        assertNotNull(received.failure());
        assertFalse(isWholeDocument(received.body()), received.body());
    }

    @Test
    void http10GetsNoFileButAProblem() throws IOException {
        try (RawHttp http = RawHttp.open(Duration.ofSeconds(10))) {
            http.send("GET /api/v1/incidents HTTP/1.0\r\nHost: localhost\r\nAccept: text/csv\r\n\r\n");
            RawHttp.Reply reply = http.reply();
            assertTrue(reply.text().matches("(?s)HTTP/1\\.[01] 406 .*"), reply.text());
            assertTrue(reply.text().contains("application/problem+json"), reply.text());
            assertTrue(reply.body().contains("HTTP/1.1"), reply.body());
        }
        try (RawHttp http = RawHttp.open(Duration.ofSeconds(10))) {
            http.send("GET /api/v1/incidents?limit=1 HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\n\r\n");
            assertTrue(http.reply().text().matches("(?s)HTTP/1\\.[01] 200 .*"), "JSON pages still answer");
        }
    }

    /** The same pause without a revocation: the whole list comes, so the test above could have failed. */
    @Test
    void anExportWhoseKeyStandsRunsToTheEnd() throws Exception {
        Received received = exportWhileThePageAfterTheFirstIsRead("text/csv", false);
        assertNull(received.failure());
        assertEquals(2 + 20, received.rows());
    }

    /** An analyst's export of twenty incidents, held as it reads its second page while its key is or is not revoked. */
    private Received exportWhileThePageAfterTheFirstIsRead(String type, boolean revoke) throws Exception {
        String prisonId = twentyIncidents();
        JsonPath key = analystKey();
        PausingStatements.Pause pause = PausingStatements.beforeSecond(INCIDENT_PAGE);
        CompletableFuture<Received> export = CompletableFuture.supplyAsync(() -> export(prisonId, key, type));
        pause.awaitPaused();
        if (revoke) {
            api().delete("/api/v1/admin/api-keys/" + key.getString("id")).then().statusCode(204);
        }
        pause.release();
        return export.get(30, TimeUnit.SECONDS);
    }

    private static boolean isWholeDocument(String json) {
        try {
            return new ObjectMapper().readTree(json) instanceof ObjectNode;
        } catch (IOException unfinished) {
            return false;
        }
    }

    /** At a prison with coordinates, so that every incident is a GeoJSON feature too. */
    private static String twentyIncidents() {
        Map<String, Object> prison = prisonBody(unique("Revoked"));
        prison.put("latitude", 24.2656);
        prison.put("longitude", 97.2343);
        String prisonId = create("prisons", prison);
        for (int i = 0; i < 20; i++) {
            incidentOn(prisonId, "2025-03-01", "PUBLIC");
        }
        return prisonId;
    }

    private static JsonPath analystKey() {
        return api().body(Map.of("name", unique("exporter"), "role", "ANALYST")).post("/api/v1/admin/api-keys")
                .then().statusCode(201).extract().jsonPath();
    }

    private Received export(String prisonId, JsonPath key, String type) {
        HttpRequest request = HttpRequest.newBuilder(prisons.resolve(prisonId + "/incidents"))
                .header("Accept", type).header("Authorization", "Bearer " + key.getString("key")).build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream())
                .body()) {
            in.transferTo(body);
            return new Received(body.toString(StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            return new Received(body.toString(StandardCharsets.UTF_8), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
