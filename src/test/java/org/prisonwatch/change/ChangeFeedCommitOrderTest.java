package org.prisonwatch.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.FeedReader;
import org.prisonwatch.support.StallingAuditLog;

/**
 * A transaction that started first and commits last must still reach a client that has already read past
 * everything committed meanwhile.
 */
@QuarkusTest
class ChangeFeedCommitOrderTest {

    @Test
    void aChangeCommittedLateIsDeliveredAfterTheCursorAndNothingIsSkipped() throws Exception {
        String late = create("incidents", incidentBody(null, "2025-04-01", null));
        FeedReader reader = FeedReader.atEnd(() -> api());

        StallingAuditLog.Gate gate = StallingAuditLog.closeOn(UUID.fromString(late));
        CompletableFuture<Integer> slowWrite = CompletableFuture.supplyAsync(() -> api()
                .header("If-Match", "\"1\"").body(incidentBody(null, "2025-04-02", null))
                .put("/api/v1/incidents/" + late).statusCode());
        List<String> committedMeanwhile = new ArrayList<>();
        try {
            // the slow write has updated the incident's row in its open transaction, and stops there
            gate.awaitStalled();
            for (int i = 0; i < 5; i++) {
                committedMeanwhile.add(create("incidents", incidentBody(null, "2025-04-03", null)));
            }
            Map<String, Object> edit = incidentBody(null, "2025-04-04", null);
            api().header("If-Match", "\"1\"").body(edit).put("/api/v1/incidents/" + committedMeanwhile.get(0))
                    .then().statusCode(200);

            List<String> before = ids(reader.drain(2));
            assertEquals(List.of(committedMeanwhile.get(1), committedMeanwhile.get(2), committedMeanwhile.get(3),
                    committedMeanwhile.get(4), committedMeanwhile.get(0)), before);
            assertFalse(before.contains(late), "an uncommitted change is not in the feed");
        } finally {
            gate.release();
        }
        assertEquals(200, slowWrite.get(30, TimeUnit.SECONDS));

        List<JsonNode> after = reader.drain(2);
        assertEquals(List.of(late), ids(after));
        assertEquals(2, after.get(0).get("version").asInt());
        assertEquals("2025-04-02", after.get(0).get("record").get("occurredFrom").asText());
    }

    private static List<String> ids(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("id").asText()).toList();
    }
}
