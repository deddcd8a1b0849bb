package org.prisonwatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.anonymousUnchecked;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incident;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.prisonBody;
import static org.prisonwatch.support.Fixtures.reportBody;
import static org.prisonwatch.support.Fixtures.sourceBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Api;
import org.prisonwatch.support.Sealing;

/**
 * Every role against every endpoint and method, on a PUBLIC record an admin created. One table is the spec of
 * who may do what; a new endpoint without a row here fails {@link #theTableCoversEveryOperationInTheSpec}.
 */
@QuarkusTest
class RoleMatrixTest {

    /** Caller columns: anonymous, REPORTER, ANALYST, PARTNER, ADMIN. */
    private static final List<String> CALLERS = List.of("anonymous", "REPORTER", "ANALYST", "PARTNER", "ADMIN");

    private record Cell(String operation, int[] expected, java.util.function.Function<RequestSpecification,
            io.restassured.response.Response> call) {
    }

    private static Map<String, Object> publicly(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("confidentiality", "PUBLIC");
        return copy;
    }

    /** What a submitter may send: classification is for analysts, so no PUBLIC (issue 9, gap 1). */
    private static Map<String, Object> submittable(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.computeIfPresent("confidentiality", (field, level) -> "RESTRICTED");
        return copy;
    }

    private static byte[] bulkLine(Map<String, Object> record) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(
                    Map.of("externalRef", unique("matrix"), "record", record));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An incident sealed for the key the call is made with (none for an anonymous call). */
    private static String sealedIncident(RequestSpecification spec) {
        String authorization = ((io.restassured.specification.FilterableRequestSpecification) spec).getHeaders()
                .getValue("Authorization");
        String key = authorization == null ? "" : authorization.substring("Bearer ".length());
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("sealedFor",
                    KeyHash.of(key), "writes", List.of(Map.of("collection", "incidents", "record",
                            incidentBody(null, "2025-01-01", null)))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Cell> table() {
        List<Cell> cells = new ArrayList<>();
        int[] everyone = {200, 200, 200, 200, 200};
        int[] referenceWriters = {401, 403, 201, 403, 201};
        int[] caseWriters = {401, 201, 201, 403, 201};
        int[] referenceEditors = {401, 403, 200, 403, 200};
        int[] caseEditorsOfOthers = {401, 403, 200, 403, 200};
        int[] deleters = {401, 403, 403, 403, 204};
        int[] byRefWriters = {401, 201, 201, 201, 201};
        int[] bulkWriters = {401, 403, 200, 200, 200};

        Map<String, Supplier<Map<String, Object>>> bodies = new java.util.LinkedHashMap<>();
        bodies.put("prisons", () -> prisonBody(unique("Matrix")));
        bodies.put("sources", () -> publicly(sourceBody()));
        bodies.put("incidents", () -> publicly(incidentBody(null, "2025-01-01", null)));
        bodies.put("armed-inmate-reports", () -> publicly(reportBody(prison(unique("Matrix")))));
        bodies.put("casualties", () -> publicly(casualtyBody(create("incidents",
                publicly(incidentBody(null, "2025-01-01", null))))));

        bodies.forEach((collection, body) -> {
            boolean reference = collection.equals("prisons");
            String base = "/api/v1/" + collection;
            cells.add(new Cell("GET " + base, everyone, spec -> spec.get(base)));
            cells.add(new Cell("POST " + base, reference ? referenceWriters : caseWriters,
                    spec -> spec.body(submittable(body.get())).post(base)));
            cells.add(new Cell("GET " + base + "/{id}", everyone,
                    spec -> spec.get(base + "/" + create(collection, body.get()))));
            cells.add(new Cell("PUT " + base + "/{id}", reference ? referenceEditors : caseEditorsOfOthers,
                    spec -> {
                        Map<String, Object> replacement = body.get();
                        String id = create(collection, replacement);
                        return spec.header("If-Match", "\"1\"").body(replacement).put(base + "/" + id);
                    }));
            cells.add(new Cell("PATCH " + base + "/{id}", reference ? referenceEditors : caseEditorsOfOthers,
                    spec -> spec.header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                            .body(Map.of()).patch(base + "/" + create(collection, body.get()))));
            if (!reference && !collection.equals("sources")) {
                cells.add(new Cell("PUT " + base + "/by-ref/{externalRef}", byRefWriters,
                        spec -> spec.body(submittable(body.get())).put(base + "/by-ref/" + unique("matrix"))));
                // the request as a whole; each line's own status is in the answer (BulkUpsertTest)
                cells.add(new Cell("POST " + base + "/by-ref", bulkWriters,
                        spec -> spec.contentType("application/x-ndjson").accept("application/x-ndjson, "
                                + "application/problem+json").body(bulkLine(submittable(body.get())))
                                .post(base + "/by-ref")));
            }
            cells.add(new Cell("GET " + base + "/{id}/history", everyone,
                    spec -> spec.get(base + "/" + create(collection, body.get()) + "/history")));
            cells.add(new Cell("DELETE " + base + "/{id}", deleters,
                    spec -> spec.header("If-Match", "\"1\"").delete(base + "/" + create(collection, body.get()))));
        });
        cells.add(new Cell("GET /api/v1/prisons/{id}/incidents", everyone,
                spec -> spec.get("/api/v1/prisons/" + prison(unique("Matrix")) + "/incidents")));
        cells.add(new Cell("GET /api/v1/prisons/{id}/armed-inmate-reports", everyone,
                spec -> spec.get("/api/v1/prisons/" + prison(unique("Matrix")) + "/armed-inmate-reports")));
        cells.add(new Cell("GET /api/v1/incidents/{id}/casualties", everyone,
                spec -> spec.get("/api/v1/incidents/" + create("incidents",
                        publicly(incidentBody(null, "2025-01-01", null))) + "/casualties")));
        cells.add(new Cell("DELETE /api/v1/casualties/{id}/person", deleters, spec -> spec.header("If-Match", "\"1\"")
                .delete("/api/v1/casualties/" + create("casualties", bodies.get("casualties").get()) + "/person")));
        cells.add(new Cell("DELETE /api/v1/sources/{id}/contact", deleters, spec -> spec.header("If-Match", "\"1\"")
                .delete("/api/v1/sources/" + create("sources", bodies.get("sources").get()) + "/contact")));
        cells.add(new Cell("POST /api/v1/admin/api-keys", new int[] {401, 403, 403, 403, 201},
                spec -> spec.body(Map.of("name", "matrix", "role", "PARTNER")).post("/api/v1/admin/api-keys")));
        cells.add(new Cell("GET /api/v1/admin/api-keys", new int[] {401, 403, 403, 403, 200},
                spec -> spec.get("/api/v1/admin/api-keys")));
        cells.add(new Cell("DELETE /api/v1/admin/api-keys/{id}", new int[] {401, 403, 403, 403, 204},
                spec -> spec.delete("/api/v1/admin/api-keys/" + Api.api()
                        .body(Map.of("name", "matrix victim", "role", "PARTNER")).post("/api/v1/admin/api-keys")
                        .then().extract().path("id"))));
        cells.add(new Cell("GET /api/v1/sealed-submissions/key", everyone,
                spec -> spec.get("/api/v1/sealed-submissions/key")));
        cells.add(new Cell("POST /api/v1/sealed-submissions", caseWriters,
                spec -> spec.contentType("application/jose").header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Sealing.seal(sealedIncident(spec)).getBytes(StandardCharsets.US_ASCII))
                        .post("/api/v1/sealed-submissions")));
        int[] adminOnly = {401, 403, 403, 403, 0};
        cells.add(new Cell("POST /api/v1/webhooks", status(adminOnly, 201),
                spec -> spec.body(MATRIX_WEBHOOK).post("/api/v1/webhooks")));
        cells.add(new Cell("GET /api/v1/webhooks", status(adminOnly, 200), spec -> spec.get("/api/v1/webhooks")));
        cells.add(new Cell("GET /api/v1/webhooks/{id}", status(adminOnly, 200),
                spec -> spec.get("/api/v1/webhooks/" + matrixWebhook())));
        cells.add(new Cell("PATCH /api/v1/webhooks/{id}", status(adminOnly, 200),
                spec -> spec.contentType("application/merge-patch+json").body(Map.of("enabled", false))
                        .patch("/api/v1/webhooks/" + matrixWebhook())));
        cells.add(new Cell("DELETE /api/v1/webhooks/{id}", status(adminOnly, 204),
                spec -> spec.delete("/api/v1/webhooks/" + Api.api().body(MATRIX_WEBHOOK).post("/api/v1/webhooks")
                        .then().extract().path("id"))));
        cells.add(new Cell("POST /api/v1/webhooks/{id}/rotate-secret", status(adminOnly, 200),
                spec -> spec.post("/api/v1/webhooks/" + matrixWebhook() + "/rotate-secret")));
        cells.add(new Cell("POST /api/v1/webhooks/{id}/ping", status(adminOnly, 200),
                spec -> spec.post("/api/v1/webhooks/" + matrixWebhook() + "/ping")));
        cells.add(new Cell("GET /api/v1/webhooks/{id}/deliveries", status(adminOnly, 200),
                spec -> spec.get("/api/v1/webhooks/" + matrixWebhook() + "/deliveries")));
        cells.add(new Cell("POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/retry", status(adminOnly, 202),
                spec -> {
                    String webhook = matrixWebhook();
                    // a write queues a delivery for the (disabled) subscription at once
                    create("prisons", prisonBody(unique("Matrix hook")));
                    String delivery = Api.api().get("/api/v1/webhooks/" + webhook + "/deliveries?limit=500").then()
                            .extract().path("items.find { it.type == 'record.upserted' }.id");
                    return spec.post("/api/v1/webhooks/" + webhook + "/deliveries/" + delivery + "/retry");
                }));
        cells.add(new Cell("GET /api/v1", everyone, spec -> spec.get("/api/v1")));
        cells.add(new Cell("GET /api/v1/changes", everyone, spec -> spec.get("/api/v1/changes")));
        for (String subject : List.of("casualties", "armed-inmates", "incidents")) {
            cells.add(new Cell("GET /api/v1/stats/" + subject, everyone,
                    spec -> spec.queryParam("groupBy", "prison").get("/api/v1/stats/" + subject)));
        }
        cells.add(new Cell("GET /api/v1/audit", new int[] {401, 403, 403, 403, 200},
                spec -> spec.get("/api/v1/audit")));
        cells.add(new Cell("GET /api/v1/audit/verify", new int[] {401, 403, 403, 403, 200},
                spec -> spec.get("/api/v1/audit/verify")));
        cells.add(new Cell("GET /api/v1/audit/checkpoint", new int[] {401, 403, 403, 403, 200},
                spec -> spec.get("/api/v1/audit/checkpoint")));
        cells.add(new Cell("POST /api/v1/audit/verify", new int[] {401, 403, 403, 403, 200},
                spec -> spec.body(Api.api().get("/api/v1/audit/checkpoint").then().extract().asString())
                        .post("/api/v1/audit/verify")));
        return cells;
    }

    /** Disabled, to a port nothing listens on: nothing is sent, and writes still queue deliveries for it. */
    private static final Map<String, Object> MATRIX_WEBHOOK = Map.of("url", "http://127.0.0.1:9/matrix",
            "enabled", false);

    private static String matrixWebhook;

    private static String matrixWebhook() {
        if (matrixWebhook == null) {
            matrixWebhook = Api.api().body(MATRIX_WEBHOOK).post("/api/v1/webhooks").then().statusCode(201)
                    .extract().path("id");
        }
        return matrixWebhook;
    }

    private static int[] status(int[] row, int forAdmin) {
        int[] copy = row.clone();
        copy[copy.length - 1] = forAdmin;
        return copy;
    }

    @org.junit.jupiter.api.AfterEach
    void removeMatrixWebhooks() {
        List<String> ids = Api.api().get("/api/v1/webhooks?limit=500").then().extract()
                .path("items.findAll { it.url.endsWith('/matrix') }.id");
        ids.forEach(id -> Api.api().delete("/api/v1/webhooks/" + id));
        matrixWebhook = null;
    }

    @Test
    void everyRoleGetsTheExpectedStatusOnEveryOperation() {
        List<String> wrong = new ArrayList<>();
        for (Cell cell : table()) {
            for (int c = 0; c < CALLERS.size(); c++) {
                String caller = CALLERS.get(c);
                // anonymous calls to secured operations break the contract on purpose: responses are still checked
                RequestSpecification spec = caller.equals("anonymous") ? anonymousUnchecked()
                        : as(Role.valueOf(caller));
                int status = cell.call().apply(spec).statusCode();
                if (status != cell.expected()[c]) {
                    wrong.add(cell.operation() + " as " + caller + ": expected " + cell.expected()[c] + ", got "
                            + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theTableCoversEveryOperationInTheSpec() throws Exception {
        com.fasterxml.jackson.databind.JsonNode spec = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Files.readString(java.nio.file.Path.of("openapi", "openapi.json")));
        List<String> documented = new ArrayList<>();
        spec.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                documented.add(method.getKey().toUpperCase() + " " + path.getKey())));
        List<String> covered = table().stream().map(Cell::operation).toList();
        List<String> missing = documented.stream().filter(op -> !covered.contains(op)).toList();
        assertEquals(List.of(), missing, "operations without a row in the role matrix");
    }
}
