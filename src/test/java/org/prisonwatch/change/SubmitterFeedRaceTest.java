package org.prisonwatch.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.FeedReader;
import org.prisonwatch.support.PausingStatements;

/**
 * A submitter's feed page is two statements (their own records by seq, then the others' by the audience's position),
 * each seeing the database as of its own start. Here, deterministically, a write to the caller's own record commits
 * after the first statement has run, and a write to another's record commits after it, both before the second
 * statement runs. Every committed write must still reach the caller exactly once, in commit order: the later write
 * may not be on the page while the earlier one is left behind the cursor.
 */
@QuarkusTest
class SubmitterFeedRaceTest {

    /** The second half: the others' records, in the partner's (shared_seq) or the public's (public_seq) order. */
    private static final Pattern OTHERS_HALF = Pattern.compile("(?is)\\border\\s+by\\s+\\w+\\.(shared|public)_seq\\b");

    @Test
    void aPartnersOwnWriteCommittingBetweenTheTwoHalvesIsDeliveredOnceInOrder() throws Exception {
        raceTheHalves(Role.PARTNER, "RESTRICTED");
    }

    @Test
    void aReportersOwnWriteCommittingBetweenTheTwoHalvesIsDeliveredOnceInOrder() throws Exception {
        raceTheHalves(Role.REPORTER, "PUBLIC");
    }

    /**
     * @param submitter the caller reading its feed
     * @param seenBy a confidentiality at which an analyst's record is in that caller's feed
     */
    private static void raceTheHalves(Role submitter, String seenBy) throws Exception {
        // the caller's own record, written once before the reader's position: its row is behind the cursor
        Own behind = submittersOwn(submitter);
        FeedReader reader = FeedReader.atEnd(() -> as(submitter));
        String ownBefore = submittersOwn(submitter).id();
        String othersBefore = analysts(seenBy);

        PausingStatements.Pause pause = PausingStatements.beforeSecond(PausingStatements.FEED_KEYSET_READ);
        CompletableFuture<List<JsonNode>> racingPage;
        String othersAfter;
        try {
            racingPage = CompletableFuture.supplyAsync(() -> reader.readPage(500));
            String stoppedBefore = pause.awaitPaused();
            assertTrue(OTHERS_HALF.matcher(stoppedBefore).find(),
                    "stopped after the caller's own half, before the others' half: " + stoppedBefore);

            // between the two statements: the caller's own record is written and committed, then another's
            as(submitter).header("If-Match", "\"1\"").body(incidentBody(null, "2025-05-02", null))
                    .put(behind.path()).then().statusCode(200);
            othersAfter = analysts(seenBy);
        } finally {
            pause.release();
        }

        List<JsonNode> delivered = new ArrayList<>(racingPage.get(30, TimeUnit.SECONDS));
        delivered.addAll(reader.drain(500));
        assertEquals(List.of(ownBefore + " v1", othersBefore + " v1", behind.id() + " v2", othersAfter + " v1"),
                writes(delivered), "every committed write, once each, in commit order");
        assertEquals("2025-05-02", reader.replica().get(behind.id()).get("occurredFrom").asText());
    }

    /** A record of the submitter's: its id, and the path its submitter writes it at. */
    private record Own(String id, String path) {
    }

    /** A new record of the submitter's: a partner writes by its own reference, a reporter posts. */
    private static Own submittersOwn(Role submitter) {
        Map<String, Object> body = incidentBody(null, "2025-05-01", null);
        if (submitter == Role.PARTNER) {
            String path = "/api/v1/incidents/by-ref/" + unique("feed-race");
            return new Own(as(submitter).body(body).put(path).then().statusCode(201).extract().path("id"), path);
        }
        String id = as(submitter).body(body).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        return new Own(id, "/api/v1/incidents/" + id);
    }

    private static String analysts(String confidentiality) {
        Map<String, Object> body = incidentBody(null, "2025-05-01", null);
        body.put("confidentiality", confidentiality);
        return as(Role.ANALYST).body(body).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    private static List<String> writes(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("id").asText() + " v" + e.get("version").asInt()).toList();
    }
}
