package org.prisonwatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, HTTP manners: records, problems, exports and the spec come gzip-compressed to a client that asks, and
 * as they are to one that does not. Field reporters pay for every byte.
 */
@QuarkusTest
class CompressionTest {

    /** Takes the body as sent, so that the test reads the compressed bytes itself. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void whatAClientAsksToHaveCompressedComesGzipped() throws IOException {
        for (String[] call : new String[][] {
                {"/api/v1/prisons", "application/json", "\"items\""},
                {"/api/v1/incidents", "text/csv", "#event+code"},
                {"/api/v1/prisons", "application/geo+json", "FeatureCollection"},
                {"/q/openapi", "application/yaml", "openapi: 3"}}) {
            Response response = given().config(RAW).header("Accept-Encoding", "gzip").accept(call[1]).get(call[0]);
            response.then().header("Content-Encoding", equalTo("gzip"));
            String body = gunzip(response.asByteArray());
            assertTrue(body.contains(call[2]), call[0] + " as " + call[1] + ": " + body);
        }
    }

    @Test
    void aClientThatDoesNotAskGetsThemAsTheyAre() {
        given().config(RAW).header("Accept-Encoding", "identity").get("/api/v1/prisons").then().statusCode(200)
                .header("Content-Encoding", not(equalTo("gzip"))).body(startsWith("{"));
    }

    private static String gunzip(byte[] compressed) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
