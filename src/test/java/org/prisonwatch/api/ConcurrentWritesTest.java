package org.prisonwatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.prisonBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Database;

@QuarkusTest
class ConcurrentWritesTest {

    @Inject
    Database db;

    @Test
    void ofTenWritersHoldingTheSameEtagExactlyOneWins() throws Exception {
        String id = prison(unique("Race"));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> body = prisonBody("Kachin");
            body.put("township", "writer-" + i);
            answers.add(pool.submit(() -> {
                start.await();
                return api().header("If-Match", "\"1\"").body(body).put("/api/v1/prisons/" + id).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses: " + statuses);
        assertEquals(9, statuses.stream().filter(s -> s == 412).count(), "statuses: " + statuses);
        assertEquals(1, db.count("select count(*) from prison where id = ? and version = 2", id));
    }

    @Test
    void aDeleteRacingAnInsertThatReferencesTheRecordNeverLeavesAnOrphan() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 20; round++) {
            String prisonId = prison(unique("Race"));
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> insert = () -> {
                start.await();
                return api().body(incidentBody(prisonId, "2025-01-01", null)).post("/api/v1/incidents").statusCode();
            };
            Callable<Integer> delete = () -> {
                start.await();
                return api().header("If-Match", "\"1\"").delete("/api/v1/prisons/" + prisonId).statusCode();
            };
            Future<Integer> inserted = pool.submit(insert);
            Future<Integer> deleted = pool.submit(delete);
            start.countDown();
            int insertStatus = inserted.get();
            int deleteStatus = deleted.get();

            long orphans = db.count("select count(*) from incident i join prison p on p.id = i.prison_id "
                    + "where p.id = ? and p.deleted_at is not null and i.deleted_at is null", prisonId);
            assertEquals(0, orphans, "round " + round + ": insert " + insertStatus + ", delete " + deleteStatus);
            // exactly one of them wins: either the incident exists and the delete was refused, or the reverse
            assertEquals(insertStatus == 201, deleteStatus == 409,
                    "round " + round + ": insert " + insertStatus + ", delete " + deleteStatus);
        }
        pool.shutdown();
    }
}
