package org.prisonwatch.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.anonymousUnchecked;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Keys;

/**
 * Once a client address has spent its failed-key budget (3 in this profile), a further bad key is refused with 429
 * before anything is looked up: flooding guesses costs the database nothing. Lookups are counted with Hibernate's
 * statistics (on in the test profile), with the scheduled jobs paused.
 */
@QuarkusTest
@TestProfile(SmallBudgetsManualSync.class)
class FailedKeyBudgetTest {

    @Inject
    RateLimiter limiter;

    @Inject
    SessionFactory sessions;

    @Inject
    Scheduler scheduler;

    @Test
    void pastTheBudgetABadKeyIs429WithoutADatabaseLookupWhileAValidKeyStillWorks() {
        String validKey = Keys.of(Role.REPORTER);
        for (int attempt = 0; ; attempt++) {
            limiter.clear();
            long window = Instant.now().getEpochSecond() / 60;
            try {
                scenario(validKey);
                return;
            } catch (AssertionError e) {
                if (attempt > 0 || Instant.now().getEpochSecond() / 60 == window) {
                    throw e;
                }
            }
        }
    }

    private void scenario(String validKey) {
        scheduler.pause();
        try {
            long withinBudget = statements(() -> anonymousUnchecked().header("Authorization", "Bearer pw_guess0")
                    .get("/api/v1/prisons").statusCode());
            assertTrue(withinBudget >= 1, "a bad key within the budget is looked up (the counter sees it)");
            for (int i = 1; i < 3; i++) {
                anonymousUnchecked().header("Authorization", "Bearer pw_guess" + i).get("/api/v1/prisons").then()
                        .statusCode(401);
            }
            for (int i = 3; i < 8; i++) {
                String guess = "Bearer pw_guess" + i;
                long lookups = statements(() -> anonymousUnchecked().header("Authorization", guess)
                        .get("/api/v1/prisons").then().statusCode(429)
                        .body("type", equalTo("urn:prisonwatch:problem:too-many-requests"))
                        .extract().statusCode());
                assertEquals(0, lookups, "a bad key past the budget costs no statement");
            }
            anonymous().header("Authorization", "Bearer " + validKey).get("/api/v1/prisons").then().statusCode(200);
        } finally {
            scheduler.resume();
        }
    }

    private long statements(IntSupplier call) {
        Statistics statistics = sessions.getStatistics();
        long before = statistics.getPrepareStatementCount();
        call.getAsInt();
        return statistics.getPrepareStatementCount() - before;
    }
}
