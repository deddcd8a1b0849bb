package org.prisonwatch.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.reportBody;
import static org.prisonwatch.support.Fixtures.source;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prisonwatch.access.Role;
import org.prisonwatch.gate.HeldRecords;
import org.prisonwatch.support.Api;
import org.prisonwatch.support.FeedReader;

/**
 * A page costs the same number of SQL statements whatever its size: no statement per row, nor per element
 * collection per row. Counted by Hibernate's statistics (on in the test profile) around each HTTP call, with the
 * scheduled jobs paused; the fewest of a few tries, so that nothing else's statements count against a page. A
 * page read again is answered from kept renders after one narrow query (and with none while its rows' facts are
 * held, which each count forgets first); the first read of it adds the rows' own (RenderedViewsTest counts both).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueriesPerPageTest {

    private static final int RECORDS = 70;
    /**
     * A record's lists are in its row, so nothing is read per list. The most is a partner's feed page: the feed's
     * epoch, the audit head, its two half-reads, the incidents (seven before V19: the incidents' three lists).
     */
    private static final int MOST_STATEMENTS_PER_PAGE = 5;

    @Inject
    SessionFactory sessions;

    /** The background jobs (rate-limit sync, pending-read linker) issue statements of their own: paused. */
    @Inject
    Scheduler scheduler;

    @Inject
    HeldRecords held;

    private String prisonId;
    private String incidentId;
    /** Where the feed ended before this class wrote: its pages then hold this class's records only. */
    private final Map<Role, String> feedBefore = new java.util.EnumMap<>(Role.class);

    @BeforeEach
    void storeRecordsWithEveryCollectionFilled() {
        if (prisonId != null) {
            return;
        }
        for (Role role : List.of(Role.ANALYST, Role.PARTNER)) {
            feedBefore.put(role, FeedReader.atEnd(() -> Api.as(role)).cursor());
        }
        prisonId = prison(unique("Queries"));
        String sourceId = source();
        List<Map<String, Object>> citations = List.of(Map.of("sourceId", sourceId, "excerpt", "seen"));
        for (int i = 0; i < RECORDS; i++) {
            Map<String, Object> incident = incidentBody(prisonId, "2025-01-01", null);
            incident.put("confidentiality", "PUBLIC");
            incident.put("perpetrators", List.of("Army", "Police"));
            incident.put("opposingForces", List.of("KIA"));
            incident.put("citations", citations);
            String id = create("incidents", incident);
            if (i == 0) {
                incidentId = id;
            }
            Map<String, Object> report = reportBody(prisonId);
            report.put("confidentiality", "PUBLIC");
            report.put("inmateCategories", List.of("LONG_TERM_CRIMINAL"));
            report.put("citations", citations);
            create("armed-inmate-reports", report);
        }
        for (int i = 0; i < RECORDS; i++) {
            Map<String, Object> casualty = casualtyBody(incidentId);
            casualty.put("confidentiality", "PUBLIC");
            casualty.put("citations", citations);
            create("casualties", casualty);
        }
    }

    @Test
    void aFullPageCostsWhatAPageOfFiveCosts() {
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("incidents", "/api/v1/incidents?prisonId=" + prisonId);
        lists.put("reports", "/api/v1/armed-inmate-reports?prisonId=" + prisonId);
        lists.put("casualties", "/api/v1/casualties?incidentId=" + incidentId);
        lists.put("incidents of a prison", "/api/v1/prisons/" + prisonId + "/incidents");
        lists.put("changes", "/api/v1/changes?entity=INCIDENT");
        List<String> report = new ArrayList<>();
        lists.forEach((name, list) -> {
            for (Role role : List.of(Role.ANALYST, Role.PARTNER)) {
                String path = name.equals("changes") ? list + "&after=" + feedBefore.get(role) : list;
                String separator = path.contains("?") ? "&" : "?";
                long small = statements(() -> Api.as(role).get(path + separator + "limit=5"));
                long large = statements(() -> Api.as(role).get(path + separator + "limit=500"));
                report.add(name + " as " + role + ": " + small + " / " + large);
                assertEquals(small, large, name + " as " + role + ": statements for 5 vs 70 items");
                assertTrue(large <= MOST_STATEMENTS_PER_PAGE, name + " as " + role + ": " + large + " statements");
                if (!name.equals("changes") && !name.endsWith("of a prison")) {
                    assertEquals(1, large, name + " as " + role + ": one query, lists included");
                }
            }
        });
        System.out.println("Statements per page (5 items / 70 items): " + report);
    }

    @Test
    void anonymousPagesToo() {
        long small = statements(() -> Api.anonymous().get("/api/v1/incidents?prisonId=" + prisonId + "&limit=5"));
        long large = statements(() -> Api.anonymous().get("/api/v1/incidents?prisonId=" + prisonId + "&limit=500"));
        assertEquals(small, large);
    }

    private long statements(Supplier<io.restassured.response.Response> call) {
        Statistics statistics = sessions.getStatistics();
        long fewest = Long.MAX_VALUE;
        scheduler.pause();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                // a page held from the last attempt would cost none: this counts what reading it costs
                held.clear();
                long before = statistics.getPrepareStatementCount();
                io.restassured.response.Response response = call.get();
                long after = statistics.getPrepareStatementCount();
                assertEquals(200, response.statusCode(), response.asString());
                fewest = Math.min(fewest, after - before);
            }
        } finally {
            scheduler.resume();
        }
        return fewest;
    }
}
