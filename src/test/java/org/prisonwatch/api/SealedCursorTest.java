package org.prisonwatch.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.anonymousUnchecked;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Api.patch;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Bytes;
import org.prisonwatch.support.Keys;

/**
 * Cursors as a hostile client sees them: it can neither read what they hold, nor alter them, nor carry them to
 * another list or hand them to another caller.
 */
@QuarkusTest
class SealedCursorTest {

    /** Two public incidents at a fresh prison; returns the first page's cursor (limit 1) and the first id. */
    private static String[] firstPageOfTwo(Supplier<RequestSpecification> caller) {
        String prisonId = prison(unique("Cursor"));
        for (String day : List.of("2025-01-01", "2025-01-02")) {
            Map<String, Object> body = incidentBody(prisonId, day, null);
            body.put("confidentiality", "PUBLIC");
            create("incidents", body);
        }
        var page = caller.get().queryParam("prisonId", prisonId).queryParam("limit", 1).get("/api/v1/incidents")
                .then().statusCode(200).extract().jsonPath();
        return new String[] {page.getString("nextCursor"), page.getString("items[0].id"), prisonId};
    }

    private static byte[] bytes(String cursor) {
        return Base64.getUrlDecoder().decode(cursor);
    }

    private static String cursor(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void aCursorDoesNotHoldTheLastRecordReadably() {
        String[] first = firstPageOfTwo(() -> api());
        byte[] held = bytes(first[0]);
        UUID id = UUID.fromString(first[1]);

        assertFalse(Bytes.contains(held, first[1].getBytes(StandardCharsets.US_ASCII)), "the id in clear text");
        assertFalse(Bytes.contains(held, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array()), "the id in clear bytes");
        assertFalse(new String(held, StandardCharsets.ISO_8859_1).contains("\"i\""), "a JSON position");
    }

    @Test
    void aCursorWithAnyBitFlippedOrCutShortIsRefusedNamingTheParameter() {
        String[] first = firstPageOfTwo(() -> api());
        byte[] original = bytes(first[0]);
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < original.length; i++) {
            byte[] forged = original.clone();
            forged[i] ^= 1;
            int status = hostile().queryParam("prisonId", first[2]).queryParam("cursor", cursor(forged))
                    .get("/api/v1/incidents").then().extract().statusCode();
            if (status != 400) {
                accepted.add("byte " + i + " flipped: " + status);
            }
        }
        assertEquals(List.of(), accepted, "forged cursors that were not refused");

        for (String cut : List.of(first[0].substring(0, first[0].length() - 1),
                cursor(java.util.Arrays.copyOf(original, original.length / 2)), "not a cursor",
                first[0].repeat(20))) {
            hostile().queryParam("prisonId", first[2]).queryParam("cursor", cut).get("/api/v1/incidents").then()
                    .statusCode(400).body("type", equalTo("urn:prisonwatch:problem:invalid-parameter"))
                    .body("errors[0].field", equalTo("cursor"));
        }
        // the untouched cursor still works, so the refusals above were the forgeries'
        api().queryParam("prisonId", first[2]).queryParam("cursor", first[0]).get("/api/v1/incidents").then()
                .statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void aCursorFromIncidentsIsRefusedByPrisonsTheAuditLogAndTheFeed() {
        String[] first = firstPageOfTwo(() -> api());
        prison(unique("Cursor"));
        prison(unique("Cursor"));

        hostile().queryParam("cursor", first[0]).get("/api/v1/prisons").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        hostile().queryParam("cursor", first[0]).get("/api/v1/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        hostile().queryParam("after", first[0]).get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        // nor does it continue the same list in another order
        hostile().queryParam("prisonId", first[2]).queryParam("sort", "occurredFrom").queryParam("cursor", first[0])
                .get("/api/v1/incidents").then().statusCode(400).body("errors[0].field", equalTo("cursor"));

        String feedCursor = api().queryParam("limit", 1).get("/api/v1/changes").then().statusCode(200)
                .extract().path("nextCursor");
        hostile().queryParam("cursor", feedCursor).get("/api/v1/incidents").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aCursorIssuedToOneCallerIsRefusedForAnother() {
        String[] analysts = firstPageOfTwo(() -> as(Role.ANALYST));
        hostile(Role.PARTNER).queryParam("prisonId", analysts[2]).queryParam("cursor", analysts[0])
                .get("/api/v1/incidents").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        anonymousUnchecked().queryParam("prisonId", analysts[2]).queryParam("cursor", analysts[0]).get("/api/v1/incidents")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));

        String partner = Keys.of(Role.PARTNER);
        String otherPartner = Keys.another(Role.PARTNER);
        String feedCursor = anonymous().header("Authorization", "Bearer " + partner).queryParam("limit", 1)
                .get("/api/v1/changes").then().statusCode(200).extract().path("nextCursor");
        anonymousUnchecked().header("Authorization", "Bearer " + otherPartner).queryParam("after", feedCursor)
                .get("/api/v1/changes").then().statusCode(400).body("errors[0].field", equalTo("after"));
        // its own caller may use it
        anonymous().header("Authorization", "Bearer " + partner).queryParam("after", feedCursor)
                .get("/api/v1/changes").then().statusCode(200);
    }

    @Test
    void theAuditLogAndHistoryPageThroughSealedCursors() {
        String id = create("incidents", incidentBody(null, "2025-01-01", null));
        patch("\"1\"").body(Map.of("title", "Second")).patch("/api/v1/incidents/" + id).then().statusCode(200);
        patch("\"2\"").body(Map.of("title", "Third")).patch("/api/v1/incidents/" + id).then().statusCode(200);

        List<Integer> versions = new ArrayList<>();
        String cursor = null;
        do {
            var request = api().queryParam("entityId", id).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
                assertFalse(new String(bytes(cursor), StandardCharsets.ISO_8859_1).contains("seq"));
            }
            var page = request.get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            versions.addAll(page.getList("items.recordVersion", Integer.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(1, 2, 3), versions);

        String historyCursor = api().queryParam("limit", 1).get("/api/v1/incidents/" + id + "/history").then()
                .statusCode(200).extract().path("nextCursor");
        assertFalse(new String(bytes(historyCursor), StandardCharsets.ISO_8859_1).contains("version"),
                "a history cursor in clear");
        api().queryParam("limit", 1).queryParam("cursor", historyCursor).get("/api/v1/incidents/" + id + "/history")
                .then().statusCode(200).body("items.version", contains(2));
        hostile().queryParam("cursor", historyCursor).get("/api/v1/prisons").then().statusCode(400);
        assertTrue(historyCursor.length() < 200, "cursors go in URLs: " + historyCursor.length());
    }
}
