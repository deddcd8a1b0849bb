package org.prisonwatch.index;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Api;

@QuarkusTest
class ServiceIndexTest {

    @Test
    void anonymousCallersGetTheVersionAndEveryCollection() {
        anonymous().get("/api/v1").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("links.self", equalTo("/api/v1"))
                .body("links.incidents", equalTo("/api/v1/incidents"))
                .body("links.armedInmateReports", equalTo("/api/v1/armed-inmate-reports"))
                .body("links.changes", equalTo("/api/v1/changes"))
                .body("links.openapi", equalTo("/q/openapi"))
                .body("links", hasKey("casualties"));
    }

    @Test
    void theVersionIsTheCommittedSpecsVersion() throws Exception {
        String spec = Files.readString(Path.of("openapi", "openapi.yaml"));
        String version = anonymous().get("/api/v1").then().statusCode(200).extract().path("apiVersion");
        assertEquals(true, spec.contains("  version: " + version + "\n"), "info.version " + version);
    }

    @Test
    void everyCollectionLinkAnswersAnAdmin() {
        Map<String, String> links = anonymous().get("/api/v1").then().extract().path("links");
        links.forEach((name, path) -> {
            if (path.startsWith("/api/v1/")) {
                int status = as(Role.ADMIN).get(path).statusCode();
                assertEquals(200, status, name + " → " + path);
            }
        });
        assertEquals(15, links.size(), links.toString());
    }

    @Test
    void aBadKeyIsRefusedHereAsEverywhere() {
        Api.anonymousUnchecked().header("Authorization", "Bearer not-a-key-not-a-key-not-a-key-0000").get("/api/v1")
                .then().statusCode(401);
    }
}
