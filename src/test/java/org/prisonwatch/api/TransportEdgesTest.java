package org.prisonwatch.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.prisonBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Keys;
import org.prisonwatch.support.RawHttp;

/** Location, Link and oversized bodies, with nothing configured: the defaults a first deployment runs with. */
@QuarkusTest
class TransportEdgesTest {

    private static final String EVIL = "evil.example";

    @Test
    void aForgedHostHeaderNeverReachesLocationOrLinkWhichAreRelativeByDefault() {
        String region = unique("Edge");
        prison(region);
        prison(region);

        api().header("Host", EVIL).body(prisonBody(region)).post("/api/v1/prisons").then().statusCode(201)
                .header("Location", not(containsString(EVIL)))
                .header("Location", matchesPattern("/api/v1/prisons/[0-9a-f-]{36}"));
        api().header("Host", EVIL).queryParam("stateRegion", region).queryParam("limit", 1)
                .get("/api/v1/prisons").then().statusCode(200)
                .header("Link", not(containsString(EVIL)))
                .header("Link", matchesPattern("</api/v1/prisons\\?.*cursor=[^>]+>; rel=\"next\""));
        api().header("Host", EVIL).queryParam("limit", 1).get("/api/v1/changes").then().statusCode(200)
                .header("Link", not(containsString(EVIL)))
                .header("Link", matchesPattern("</api/v1/changes\\?.*after=[^>]+>; rel=\"next\""));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WithAProblemDocument() throws Exception {
        try (RawHttp connection = RawHttp.open(Duration.ofSeconds(30))) {
            connection.send("POST /api/v1/prisons HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Keys.BOOTSTRAP_ADMIN + "\r\n"
                    + "Content-Type: application/json\r\nAccept: application/problem+json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            connection.send(chunk("{\"name\":\""));
            byte[] filler = chunk("a".repeat(64 * 1024));
            for (int i = 0; i < 32 && connection.send(filler); i++) {
                // 2 MiB in all, unless the server has answered and closed first
            }
            connection.send(chunk("\",\"stateRegion\":\"Kachin\",\"kind\":\"PRISON\"}"));
            connection.send("0\r\n\r\n");

            RawHttp.Reply reply = connection.reply();
            assertEquals(413, reply.status(), reply.text());
            assertTrue(reply.text().toLowerCase().contains("content-type: application/problem+json"), reply.text());
            JsonPath problem = JsonPath.from(reply.body());
            assertEquals("urn:prisonwatch:problem:payload-too-large", problem.getString("type"));
            assertEquals(413, problem.getInt("status"));
            assertEquals("/api/v1/prisons", problem.getString("instance"));
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitIsStill413WithAProblemDocument() throws Exception {
        try (RawHttp connection = RawHttp.open(Duration.ofSeconds(30))) {
            connection.send("POST /api/v1/prisons HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Keys.BOOTSTRAP_ADMIN + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (2 * 1024 * 1024) + "\r\n\r\n{");
            RawHttp.Reply reply = connection.reply();
            assertEquals(413, reply.status(), reply.text());
            assertEquals("urn:prisonwatch:problem:payload-too-large", JsonPath.from(reply.body()).getString("type"));
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitStillReachesTheResource() throws Exception {
        String name = unique("Chunked");
        try (RawHttp connection = RawHttp.open(Duration.ofSeconds(30))) {
            connection.send("POST /api/v1/prisons HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Keys.BOOTSTRAP_ADMIN + "\r\n"
                    + "Content-Type: application/json\r\nAccept: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            connection.send(chunk("{\"name\":\"" + name + "\","));
            connection.send(chunk("\"stateRegion\":\"Kachin\",\"kind\":\"PRISON\"}"));
            connection.send("0\r\n\r\n");
            RawHttp.Reply reply = connection.reply();
            assertEquals(201, reply.status(), reply.text());
        }
        api().queryParam("q", name).get("/api/v1/prisons").then().statusCode(200)
                .body("items[0].name", equalTo(name));
    }

    private static byte[] chunk(String data) {
        byte[] bytes = data.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return (Integer.toHexString(bytes.length) + "\r\n" + data + "\r\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
