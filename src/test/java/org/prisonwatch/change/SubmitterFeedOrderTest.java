package org.prisonwatch.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.FeedReader;

/**
 * A submitter's feed is read in two halves along two indexes (their own records by seq, the others' by the
 * audience's position) and merged: the merge must give one commit order, continue across pages that end in either
 * half, and leave out what the submitter never saw.
 */
@QuarkusTest
class SubmitterFeedOrderTest {

    private static String partnersOwn() {
        return as(Role.PARTNER).body(incidentBody(null, "2025-03-01", null))
                .put("/api/v1/incidents/by-ref/" + unique("feed-order")).then().statusCode(201).extract().path("id");
    }

    private static String analysts(String confidentiality) {
        Map<String, Object> body = incidentBody(null, "2025-03-01", null);
        body.put("confidentiality", confidentiality);
        return as(Role.ANALYST).body(body).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    private static String reportersOwn() {
        return as(Role.REPORTER).body(incidentBody(null, "2025-03-01", null)).post("/api/v1/incidents").then()
                .statusCode(201).extract().path("id");
    }

    private static List<String> ids(List<JsonNode> entries) {
        List<String> ids = new ArrayList<>();
        entries.forEach(entry -> ids.add(entry.get("id").asText()));
        return ids;
    }

    @Test
    void aPartnerHearsItsOwnAndSharedRecordsInCommitOrderWhateverThePageSize() {
        FeedReader onePerPage = FeedReader.atEnd(() -> as(Role.PARTNER));
        FeedReader fullPages = new FeedReader(() -> as(Role.PARTNER), onePerPage.cursor());
        List<String> heard = new ArrayList<>();
        heard.add(partnersOwn());
        heard.add(analysts("RESTRICTED"));
        analysts("CONFIDENTIAL");
        heard.add(analysts("PUBLIC"));
        heard.add(partnersOwn());
        heard.add(partnersOwn());
        analysts("CONFIDENTIAL");
        heard.add(analysts("RESTRICTED"));

        assertEquals(heard, ids(onePerPage.drain(1)));
        assertEquals(heard, ids(fullPages.drain(500)));
        assertEquals(List.of(), onePerPage.drain(1), "the cursor stays put at the end");
    }

    @Test
    void aReporterHearsItsOwnAndPublicRecordsInCommitOrder() {
        FeedReader reporter = FeedReader.atEnd(() -> as(Role.REPORTER));
        List<String> heard = new ArrayList<>();
        analysts("RESTRICTED");
        heard.add(reportersOwn());
        heard.add(analysts("PUBLIC"));
        heard.add(reportersOwn());
        analysts("CONFIDENTIAL");
        heard.add(analysts("PUBLIC"));

        assertEquals(heard, ids(reporter.drain(2)));
    }
}
