package org.prisonwatch.idempotency;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.storage.EmbeddedDatabaseConfigSource;
import org.prisonwatch.support.Database;

@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    Database database;

    @Inject
    IdempotencyPurge purge;

    @Inject
    IdempotencyRecords records;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    /** Not a bare UUID: the test database helper would bind one as a uuid, and idem_key is text. */
    private static String newKey() {
        return "retry-" + UUID.randomUUID();
    }

    private long incidentsTitled(String title) {
        return database.count("select count(*) from incident where title = ?", title);
    }

    private static Response post(String key, Map<String, Object> body) {
        return api().header("Idempotency-Key", key).body(body).post("/api/v1/incidents");
    }

    @Test
    void aRetryGetsTheFirstResponseAgainAndCreatesNothing() {
        String key = newKey();
        Map<String, Object> body = incidentBody(null, "2025-08-01", null);
        Response first = post(key, body);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());

        Response retry = post(key, body);

        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location")).header("ETag", first.header("ETag"))
                .contentType("application/json");
        assertEquals(first.jsonPath().getMap(""), retry.jsonPath().getMap(""));
        assertEquals(1, incidentsTitled((String) body.get("title")));
    }

    @Test
    void theSameRequestFormattedDifferentlyIsStillTheSameRequest() {
        String key = newKey();
        String title = unique("Formatting");
        api().header("Idempotency-Key", key)
                .body("{\"type\":\"COMBAT_CASUALTIES\",\"title\":\"" + title + "\",\"occurredFrom\":\"2025-08-01\"}")
                .post("/api/v1/incidents").then().statusCode(201);
        api().header("Idempotency-Key", key)
                .body("{ \"occurredFrom\" : \"2025-08-01\",\n  \"title\" : \"" + title + "\", \"type\" : \"COMBAT_CASUALTIES\" }")
                .post("/api/v1/incidents").then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(1, incidentsTitled(title));
    }

    @Test
    void theSameKeyWithAChangedBodyIsRefusedAndWritesNothing() {
        String key = newKey();
        Map<String, Object> body = incidentBody(null, "2025-08-01", null);
        post(key, body).then().statusCode(201);
        Map<String, Object> changed = incidentBody(null, "2025-08-01", null);

        hostile().header("Idempotency-Key", key).body(changed).post("/api/v1/incidents").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prisonwatch:problem:idempotency-key-reused"));
        assertEquals(0, incidentsTitled((String) changed.get("title")));
        // the same key on another collection is another request too
        hostile().header("Idempotency-Key", key).body(org.prisonwatch.support.Fixtures.sourceBody())
                .post("/api/v1/sources").then().statusCode(422);
    }

    @Test
    void malformedKeysAreRefusedBeforeAnythingIsWritten() {
        for (String key : List.of("has space", "x".repeat(256), "cl\u00e9", "tab\there")) {
            Map<String, Object> body = incidentBody(null, "2025-08-01", null);
            hostile().header("Idempotency-Key", key).body(body).post("/api/v1/incidents").then().statusCode(400)
                    .body("errors[0].field", equalTo("Idempotency-Key"));
            assertEquals(0, incidentsTitled((String) body.get("title")), key);
        }
        post("x".repeat(255), incidentBody(null, "2025-08-01", null)).then().statusCode(201);
    }

    @Test
    void keysBelongToTheCallerThatUsedThem() {
        String key = newKey();
        Map<String, Object> body = incidentBody(null, "2025-08-01", null);
        post(key, body).then().statusCode(201);
        as(Role.ANALYST).header("Idempotency-Key", key).body(body).post("/api/v1/incidents").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertEquals(2, incidentsTitled((String) body.get("title")));
    }

    @Test
    void fiftyParallelPostsWithOneKeyCreateOneRecordAndAllGetTheSameAnswer() throws Exception {
        String key = newKey();
        Map<String, Object> body = incidentBody(null, "2025-08-01", null);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return hostile().header("Idempotency-Key", key).body(body).post("/api/v1/incidents");
                };
                calls.add(pool.submit(call));
            }
            start.countDown();
            Set<String> createdBodies = new HashSet<>();
            Set<String> locations = new HashSet<>();
            int created = 0;
            int inFlight = 0;
            for (Future<Response> call : calls) {
                Response response = call.get(2, TimeUnit.MINUTES);
                if (response.statusCode() == 201) {
                    created++;
                    createdBodies.add(response.asString());
                    locations.add(response.header("Location"));
                } else {
                    assertEquals(409, response.statusCode(), response.asString());
                    assertEquals("urn:prisonwatch:problem:request-in-progress", response.path("type"));
                    inFlight++;
                }
            }
            assertTrue(created >= 1, "created " + created + ", in flight " + inFlight);
            assertEquals(1, createdBodies.size(), "every 201 carries the same body");
            assertEquals(1, locations.size());
            assertEquals(1, incidentsTitled((String) body.get("title")));
        } finally {
            pool.shutdownNow();
        }
        // once the first has finished, every retry gets its answer
        post(key, body).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void aFailedAttemptReleasesItsKeySoAFixedRetryGoesThrough() {
        String key = newKey();
        Map<String, Object> body = incidentBody(UUID.randomUUID().toString(), "2025-08-01", null);
        post(key, body).then().statusCode(400).body("errors[0].field", equalTo("prisonId"));
        assertEquals(0, database.count("select count(*) from idempotency_key where idem_key = ?", key));

        body.remove("prisonId");
        post(key, body).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(1, incidentsTitled((String) body.get("title")));
    }

    /** The claim of an attempt still running: its row, inserted in a transaction that has not committed. */
    private Database.Uncommitted claimHeldByARunningAttempt(String key) {
        String earlier = newKey();
        post(earlier, incidentBody(null, "2025-08-01", null)).then().statusCode(201);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // the same caller as post(): its key's id, read from the record of an earlier request
        return database.holdUncommitted("insert into idempotency_key (caller_key_id, idem_key, request_hash, "
                + "created_at, expires_at) select caller_key_id, ?, 'running', ?, ? from idempotency_key "
                + "where idem_key = ?", key, now, now.plusDays(30), earlier);
    }

    @Test
    void aRetryWhileTheFirstAttemptRunsWaitsAMomentThenGets409AndWritesNothing() {
        String key = newKey();
        Map<String, Object> body = incidentBody(null, "2025-08-01", null);
        try (Database.Uncommitted running = claimHeldByARunningAttempt(key)) {
            long started = System.nanoTime();
            post(key, body).then().statusCode(409)
                    .body("type", equalTo("urn:prisonwatch:problem:request-in-progress"));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(waited >= 900, "waited " + waited + " ms for the running attempt (claim-wait is 1 s)");
            assertEquals(0, incidentsTitled((String) body.get("title")));
        }
    }

    @Test
    void theClaimOfAnAttemptThatDiesIsFreeAtOnceAndTheWaitingRetryPerformsTheWrite() throws Exception {
        ExecutorService retry = Executors.newSingleThreadExecutor();
        try {
            for (int run = 1; ; run++) {
                String key = newKey();
                Map<String, Object> body = incidentBody(null, "2025-08-01", null);
                Future<Response> waiting;
                long submitted;
                long died;
                try (Database.Uncommitted dying = claimHeldByARunningAttempt(key)) {
                    submitted = System.nanoTime();
                    waiting = retry.submit(() -> post(key, body));
                    Thread.sleep(300);
                    assertFalse(waiting.isDone(), "the retry waits for the attempt holding the key");
                    died = System.nanoTime();
                } // the attempt's connection is gone: the database rolls its claim back
                Response response = waiting.get(30, TimeUnit.SECONDS);
                // a stall of this thread past the retry's 1 s claim wait makes it give up first, rightly: run again
                if (response.statusCode() == 409 && TimeUnit.NANOSECONDS.toMillis(died - submitted) > 700 && run < 3) {
                    continue;
                }
                assertEquals(201, response.statusCode(), response.asString());
                assertNull(response.header("Idempotent-Replayed"));
                assertEquals(1, incidentsTitled((String) body.get("title")));
                post(key, body).then().statusCode(201).header("Idempotent-Replayed", "true")
                        .body("id", equalTo(response.path("id")));
                assertEquals(1, database.count("select count(*) from idempotency_key where idem_key = ? "
                        + "and status = 201", key), "the retry's claim holds its response");
                return;
            }
        } finally {
            retry.shutdownNow();
        }
    }

    /**
     * Beneath HTTP, because the harm is invisible there until it strikes at random: a lock timeout left short on a
     * pooled H2 connection would fail the next request that queues for the audit chain behind a writer.
     */
    @Test
    void aContendedClaimPutsItsConnectionsLockTimeoutBack() {
        Assumptions.assumeTrue("h2".equals(databaseKind), "H2 keeps a lock timeout per session; PostgreSQL's "
                + "(set local) ends with the transaction");
        UUID caller = UUID.randomUUID();
        String key = newKey();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        AtomicLong lockTimeout = new AtomicLong();
        try (Database.Uncommitted running = database.holdUncommitted("insert into idempotency_key (caller_key_id, "
                + "idem_key, request_hash, created_at, expires_at) values (?, ?, 'running', ?, ?)", caller, key, now,
                now.plusDays(30))) {
            IdempotencyRecords.ClaimContended contended = assertThrows(IdempotencyRecords.ClaimContended.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> {
                        try {
                            records.claim(new IdempotencyRecordId(caller, key), "hash");
                        } finally {
                            em.unwrap(Session.class).doWork(connection -> {
                                try (ResultSet timeout = connection.createStatement()
                                        .executeQuery("select lock_timeout()")) {
                                    timeout.next();
                                    lockTimeout.set(timeout.getLong(1));
                                }
                            });
                        }
                    }));
            assertTrue(contended.stillRunning());
        }
        assertEquals(EmbeddedDatabaseConfigSource.LOCK_TIMEOUT_MILLIS, lockTimeout.get());
    }

    /**
     * On PostgreSQL the claim bounds its wait, inserts and puts the bound back in one round trip: a write after it
     * must wait for the audit chain as long as any write does, not the claim's short while.
     */
    @Test
    void aClaimThatGoesThroughLeavesTheLockBoundAsItWasAndItsRowWaitingForTheResponse() {
        UUID caller = UUID.randomUUID();
        String key = newKey();
        String query = "h2".equals(databaseKind) ? "select lock_timeout()" : "show lock_timeout";
        List<String> bounds = new ArrayList<>();
        // thrown to roll the claim back: a committed claim always holds a response
        class RolledBack extends RuntimeException {
        }
        assertThrows(RolledBack.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            bounds.add(lockBound(query));
            records.claim(new IdempotencyRecordId(caller, key), "hash");
            bounds.add(lockBound(query));
            assertEquals(1, em.createNativeQuery("select count(*) from idempotency_key where caller_key_id = :caller "
                    + "and idem_key = :key and status is null and request_hash = 'hash' and expires_at > created_at")
                    .setParameter("caller", caller).setParameter("key", key).getSingleResult() instanceof Number n
                    ? n.intValue() : -1);
            throw new RolledBack();
        }));
        assertEquals(bounds.get(0), bounds.get(1));
        assertEquals(0, database.count("select count(*) from idempotency_key where idem_key = ?", key));
    }

    private String lockBound(String query) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet bound = statement.executeQuery(query)) {
                bound.next();
                return bound.getString(1);
            }
        });
    }

    @Test
    void aReplayedKeyIssueNeverCarriesTheKeyAndTheKeyIsNeverStored() {
        String key = newKey();
        Map<String, Object> body = Map.of("name", unique("idempotent key"), "role", "PARTNER");
        Response first = api().header("Idempotency-Key", key).body(body).post("/api/v1/admin/api-keys");
        first.then().statusCode(201);
        String secret = first.path("key");

        Response replay = api().header("Idempotency-Key", key).body(body).post("/api/v1/admin/api-keys");

        replay.then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")));
        assertNull(replay.path("key"));
        assertEquals(0, database.count("select count(*) from idempotency_key where response_body like ?",
                "%" + secret + "%"));
        assertEquals(1, database.count("select count(*) from api_key where name = ?", body.get("name")));
    }

    @Test
    void expiredKeysArePurgedAndYoungerOnesKept() {
        String old = newKey();
        String young = newKey();
        post(old, incidentBody(null, "2025-08-01", null)).then().statusCode(201);
        post(young, incidentBody(null, "2025-08-01", null)).then().statusCode(201);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        database.execute("update idempotency_key set created_at = ?, expires_at = ? where idem_key = ?",
                now.minusDays(31), now.minusDays(1), old);
        assertEquals(1, database.count("select count(*) from idempotency_key where idem_key = ? "
                + "and expires_at > ?", young, now.plusDays(29)), "kept at least 30 days");

        purge.purgeExpired();

        assertEquals(0, database.count("select count(*) from idempotency_key where idem_key = ?", old));
        assertEquals(1, database.count("select count(*) from idempotency_key where idem_key = ?", young));
        assertFalse(post(young, incidentBody(null, "2025-08-01", null)).statusCode() == 201,
                "the young key still guards its request");
    }
}
