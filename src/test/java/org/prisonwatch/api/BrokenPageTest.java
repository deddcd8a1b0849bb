package org.prisonwatch.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A response that fails while it is written is the server's failure, never the caller's, and a page that failed is
 * never sent as a whole 200 (PageBodyWriter): a partner syncing would take a truncated page for the real one.
 */
@QuarkusTest
class BrokenPageTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aPageThatFailsBeforeAnythingLeftIsA500Problem() {
        given().get("/test-only/broken-page?before=3").then().statusCode(500)
                .contentType("application/problem+json").body("status", equalTo(500));
    }

    @Test
    void aSingleResponseThatCannotBeWrittenIsA500NotTheCallersBadJson() {
        given().get("/test-only/broken-page/item").then().statusCode(500)
                .contentType("application/problem+json").body("status", equalTo(500));
    }

    @Test
    void aPostWhoseAnswerCannotBeWrittenIsA500NotTheCallersBadJson() {
        given().contentType("application/json").body("{\"title\": \"read well\"}")
                .post("/test-only/broken-page/item").then().statusCode(500)
                .contentType("application/problem+json").body("status", equalTo(500));
    }

    @Test
    void aPostWhoseBodyIsNotJsonIsStillTheCallers400() {
        given().contentType("application/json").body("{\"title\": ")
                .post("/test-only/broken-page/item").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void aPageThatFailsAfterPartOfItLeftBreaksOffItsConnectionUnfinished() throws IOException {
        // 30 items of 10 kB: past the 128 kB output buffer, so the first part has left with its 200; several times,
        // since a last chunk slipping out before the break is a race
        for (int attempt = 0; attempt < 5; attempt++) {
            String sent = rawExchange("GET /test-only/broken-page?before=30 HTTP/1.1\r\nHost: test\r\n\r\n");
            assertTrue(sent.startsWith("HTTP/1.1 200"), sent.substring(0, Math.min(200, sent.length())));
            assertTrue(sent.toLowerCase().contains("transfer-encoding: chunked"), "streamed in chunks");
            assertTrue(sent.length() > 131072, "part of the page left before the failure: " + sent.length());
            assertFalse(sent.endsWith("\r\n0\r\n\r\n"), "ended with the last chunk, as if the page were whole");
            assertFalse(sent.contains("\"nextCursor\""), "the page's end was sent");
        }
    }

    /** What the service sends back before it closes the connection (keep-alive asked, so only a break ends it). */
    private String rawExchange(String request) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65536];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // a reset is a break too
            }
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }
}
