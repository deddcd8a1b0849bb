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
import org.prisonwatch.change.ChangedEntity;

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

    /** A read that answers anonymous callers declares the key optional, so clients send it when they have one. */
    @Test
    void readsOpenToAnonymousCallersDeclareTheKeyAsOptionalAndTheOthersRequireIt() throws Exception {
        JsonNode spec = spec();
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "01933ab4-7c56-7000-a8db-3e2b1c4d5e6f");
            boolean anonymousAnswered = given().accept("application/json").get(concrete).statusCode() != 401;
            boolean optional = false;
            for (JsonNode requirement : get.path("security")) {
                optional |= requirement.isEmpty();
            }
            if (get.path("security").isEmpty() || optional != anonymousAnswered) {
                faults.add("GET " + path.getKey() + ": security " + get.path("security") + ", anonymous "
                        + (anonymousAnswered ? "answered" : "refused"));
            }
        }
        assertTrue(faults.isEmpty(), String.join("\n", faults));
    }

    /** Each kind of record in the feed is a schema of its own, chosen by the entry's entity. */
    @Test
    void theChangeFeedTellsClientsWhichTypeEachEntryCarries() throws Exception {
        JsonNode schemas = spec().get("components").get("schemas");
        JsonNode mapping = schemas.get("Change").get("discriminator").get("mapping");
        assertEquals("entity", schemas.get("Change").get("discriminator").get("propertyName").asText());
        for (ChangedEntity entity : ChangedEntity.values()) {
            String variant = mapping.path(entity.name()).asText().replace("#/components/schemas/", "");
            JsonNode schema = schemas.get(variant);
            assertTrue(schema != null, entity + " has no schema of its own");
            assertEquals(List.of(entity.name()), List.of(schema.get("properties").get("entity").get("enum").get(0)
                    .asText()));
            String record = schema.get("properties").get("record").get("allOf").get(0).get("$ref").asText();
            assertTrue(schemas.has(record.replace("#/components/schemas/", "")), record);
        }
        assertEquals(ChangedEntity.values().length, schemas.get("Change").get("oneOf").size());
    }

    /**
     * JSON Schema patterns match anywhere unless anchored, and ECMA-262's \\s is every Unicode space; the server
     * matches whole values, with Java's six ASCII spaces.
     */
    @Test
    void patternsAreAnchoredAndEveryRequestBodyIsClosed() throws Exception {
        JsonNode spec = spec();
        List<String> faults = new ArrayList<>();
        spec.findParents("pattern").forEach(node -> {
            String pattern = node.get("pattern").asText();
            if (node.get("pattern").isTextual() && !pattern.equals(SpecSchemas.NOT_BLANK_AS_SERVED)
                    && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
                faults.add("unanchored " + pattern);
            }
            if (pattern.contains("\\s") || pattern.contains("\\S")) {
                faults.add("Unicode spaces in " + pattern);
            }
        });
        JsonNode schemas = spec.get("components").get("schemas");
        schemas.properties().forEach(schema -> {
            if ((schema.getKey().endsWith("Input") || schema.getKey().endsWith("Patch"))
                    && !schema.getValue().path("additionalProperties").isBoolean()) {
                faults.add(schema.getKey() + " takes properties it does not name");
            }
        });
        for (String nested : List.of("Citation", "Count", "Person", "AuditCheckpoint")) {
            if (schemas.get(nested).path("additionalProperties").asBoolean(true)) {
                faults.add(nested + ", read in request bodies, is open");
            }
        }
        assertTrue(faults.isEmpty(), String.join("\n", faults));
    }

    private static JsonNode spec() throws Exception {
        return new ObjectMapper().readTree(Files.readString(Path.of("openapi", "openapi.json")));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
