package org.prisonwatch.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Fixtures.incidentOn;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.unique;

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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.PausingStatements;

/**
 * An export streams for as long as its reader takes; a key revoked meanwhile stops it between two pages, and no page
 * read after the revocation goes out. The test profile reads 7 records a page.
 */
@QuarkusTest
class RevokedKeyExportTest {

    /** A page of incidents: a select from incident with an ORDER BY (element collections and prisons do not match). */
    private static final Pattern INCIDENT_PAGE = Pattern.compile("(?is)\\bfrom\\s+incident\\b.*\\border\\s+by\\b");

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
        String prisonId = twentyIncidents();
        JsonPath key = analystKey();
        PausingStatements.Pause pause = PausingStatements.beforeSecond(INCIDENT_PAGE);
        CompletableFuture<Received> export = CompletableFuture.supplyAsync(() -> export(prisonId, key));
        pause.awaitPaused();
        api().delete("/api/v1/admin/api-keys/" + key.getString("id")).then().statusCode(204);
        pause.release();

        Received received = export.get(30, TimeUnit.SECONDS);
        assertNotNull(received.failure(), "the transfer ends incomplete, never as a whole-looking file");
        assertTrue(received.rows() <= 2 + 7, "at most the header, the HXL row and the first page");
    }

    /** The same pause without a revocation: the whole list comes, so the test above could have failed. */
    @Test
    void anExportWhoseKeyStandsRunsToTheEnd() throws Exception {
        String prisonId = twentyIncidents();
        JsonPath key = analystKey();
        PausingStatements.Pause pause = PausingStatements.beforeSecond(INCIDENT_PAGE);
        CompletableFuture<Received> export = CompletableFuture.supplyAsync(() -> export(prisonId, key));
        pause.awaitPaused();
        pause.release();

        Received received = export.get(30, TimeUnit.SECONDS);
        assertNull(received.failure());
        assertEquals(2 + 20, received.rows());
    }

    private static String twentyIncidents() {
        String prisonId = prison(unique("Revoked"));
        for (int i = 0; i < 20; i++) {
            incidentOn(prisonId, "2025-03-01", "PUBLIC");
        }
        return prisonId;
    }

    private static JsonPath analystKey() {
        return api().body(Map.of("name", unique("exporter"), "role", "ANALYST")).post("/api/v1/admin/api-keys")
                .then().statusCode(201).extract().jsonPath();
    }

    private Received export(String prisonId, JsonPath key) {
        HttpRequest request = HttpRequest.newBuilder(prisons.resolve(prisonId + "/incidents"))
                .header("Accept", "text/csv").header("Authorization", "Bearer " + key.getString("key")).build();
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
