package org.prisonwatch.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed spec is the served spec, and every operation is fully documented. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @Test
    void theCommittedSpecIsTheServedSpec() throws Exception {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        String committed = Files.readString(Path.of("openapi", "openapi.json"));
        ObjectMapper json = new ObjectMapper();
        Files.writeString(Path.of("target", "served-openapi.json"), served);
        assertEquals(json.readTree(committed), json.readTree(served),
                "openapi/openapi.json differs from /q/openapi: rebuild and commit the spec");
    }

    @Test
    void everyOperationHasIdSummaryDescriptionTagsAndProblemResponses() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(Files.readString(Path.of("openapi", "openapi.json")));
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                String where = method.toUpperCase() + " " + path.getKey();
                for (String field : List.of("operationId", "summary", "description", "tags")) {
                    if (!op.hasNonNull(field)) {
                        faults.add(where + " has no " + field);
                    }
                }
                if (!op.path("responses").has("400") || !op.path("responses").has("500")) {
                    faults.add(where + " does not document its problem responses");
                }
            }
        }
        assertTrue(faults.isEmpty(), String.join("\n", faults));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
