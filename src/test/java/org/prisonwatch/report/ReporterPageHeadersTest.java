package org.prisonwatch.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The reporters' page as the network sees it: its headers, that it names nothing elsewhere, and its weight. */
@QuarkusTest
class ReporterPageHeadersTest {

    private static final List<String> FILES = List.of("", "app.js", "labels.js", "phone-store.js", "pin-lock.js",
            "sealing.js", "app.css", "sw.js", "icon.svg", "manifest.json");

    @Test
    void everyFileIsServedWithAStrictPolicyAndNoReferrer() {
        for (String file : FILES) {
            given().get("/report/" + file).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("connect-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"));
        }
    }

    @Test
    void thePageNamesNoOtherOriginAndRunsNoInlineScriptOrStyle() {
        String html = given().get("/report/").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        for (String file : FILES) {
            String text = given().get("/report/" + file).asString();
            Matcher url = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}").matcher(text);
            while (url.find()) {
                // the SVG namespace is a name, not a request
                assertTrue(url.group().equals("http://www.w3.org"), file + " names another origin: " + url.group());
            }
        }
        assertTrue(!html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*") && !html.contains("style=")
                && !html.matches("(?s).*<style.*") && !html.matches("(?s).*\\son[a-z]+=.*"),
                "inline script, style or handler in the page");
    }

    @Test
    void theWholePageIsUnder100KilobytesCompressedAndIsSentCompressed() throws IOException {
        long total = 0;
        for (String file : FILES) {
            byte[] body = given().get("/report/" + file).then().statusCode(200).extract().asByteArray();
            total += gzipped(body);
        }
        assertTrue(total < 100_000, "the page weighs " + total + " bytes compressed");
        Response script = given().header("Accept-Encoding", "gzip").get("/report/app.js");
        script.then().header("Content-Encoding", equalTo("gzip"));
    }

    private static int gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.size();
    }
}
