package org.prisonwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.security.SmallBudgetsManualSync.ANONYMOUS_BUDGET;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.anonymousUnchecked;
import static org.prisonwatch.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.http.HttpServer;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Database;
import org.prisonwatch.support.Keys;

@QuarkusTest
@TestProfile(SmallBudgetsManualSync.class)
class RateLimitTest {

    @Inject
    Database db;

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitSync sync;

    @Inject
    KeyUses keyUses;

    /** Knows the management port actually bound. */
    @Inject
    HttpServer server;

    @Test
    void everyResponseNamesTheBudgetThatCountedItAndWhatIsLeftOfIt() {
        double rejectedBefore = rejections("anonymous");
        inOneWindow(() -> {
            for (int left = ANONYMOUS_BUDGET - 1; left >= 0; left--) {
                anonymous().get("/api/v1/prisons").then().statusCode(200)
                        .header("RateLimit-Policy", "\"anonymous\";q=" + ANONYMOUS_BUDGET + ";w=60")
                        .header("RateLimit", matchesPattern("\"anonymous\";r=" + left + ";t=([1-9]|[1-5][0-9]|60)"));
            }
            Response refused = anonymous().get("/api/v1/prisons");
            assertTooManyRequests(refused);
            refused.then().header("RateLimit", startsWith("\"anonymous\";r=0;t="));

            as(Role.ANALYST).get("/api/v1/prisons").then().statusCode(200)
                    .header("RateLimit-Policy", "\"key\";q=1000;w=60")
                    .header("RateLimit", startsWith("\"key\";r=999;t="));
            anonymousUnchecked().header("Authorization", "Bearer pw_guess").get("/api/v1/prisons").then()
                    .statusCode(401).header("RateLimit-Policy", "\"failed-keys\";q=3;w=60")
                    .header("RateLimit", startsWith("\"failed-keys\";r=2;t="));
        });
        assertTrue(rejections("anonymous") >= rejectedBefore + 1, "the refusal was not counted in the metrics");
    }

    /** The rejections counted so far for a budget, as the management interface's metrics give them. */
    private double rejections(String budget) {
        String exposition = given().get("http://127.0.0.1:" + server.getManagementPort() + "/q/metrics").then()
                .statusCode(200).extract().asString();
        return exposition.lines()
                .filter(line -> line.startsWith("prisonwatch_rate_limit_rejections_total{")
                        && line.contains("budget=\"" + budget + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void anAnonymousCallerOverBudgetGets429WithRetryAfterWhileKeyedCallersDoNot() {
        inOneWindow(() -> {
            for (int i = 0; i < 5; i++) {
                anonymous().get("/api/v1/prisons").then().statusCode(200);
            }
            assertTooManyRequests(anonymous().get("/api/v1/prisons"));

            as(Role.ANALYST).get("/api/v1/prisons").then().statusCode(200);
            sync.sync();
            assertTrue(db.count("select max(hits) from rate_limit_window where caller like 'address:%'") >= 6);
            assertTrue(db.count("select count(*) from rate_limit_window where caller like 'key:%' and hits >= 1")
                    >= 1);
        });
    }

    @Test
    void aFloodOfBadKeysFromOneAddressIs429AfterItsBudgetWhileAValidKeyFromThatAddressStillWorks() {
        String validKey = Keys.of(Role.REPORTER);
        inOneWindow(() -> {
            for (int i = 0; i < 3; i++) {
                anonymousUnchecked().header("Authorization", "Bearer pw_guess" + i).get("/api/v1/prisons").then()
                        .statusCode(401).header("WWW-Authenticate", "Bearer realm=\"prisonwatch\"");
            }
            assertTooManyRequests(anonymousUnchecked().header("Authorization", "Bearer pw_guess4")
                    .get("/api/v1/prisons"));
            assertTooManyRequests(anonymousUnchecked().header("Authorization", "Basic c29tZW9uZTpndWVzcw==")
                    .get("/api/v1/incidents"));

            anonymous().header("Authorization", "Bearer " + validKey).get("/api/v1/prisons").then().statusCode(200);
            as(Role.ANALYST).get("/api/v1/incidents").then().statusCode(200);
            sync.sync();
            assertEquals(5, db.count("select hits from rate_limit_window where caller like 'failed-key:%'"));
        });
    }

    @Test
    void requestsToPathsAndMethodsTheApiDoesNotHaveCountToo() {
        inOneWindow(() -> {
            for (int i = 0; i < 3; i++) {
                given().accept("application/problem+json").get("/api/v1/no-such-collection-" + i).then()
                        .statusCode(404);
            }
            for (int i = 0; i < 2; i++) {
                given().accept("application/problem+json").delete("/api/v1/prisons").then().statusCode(405);
            }
            assertTooManyRequests(anonymous().get("/api/v1/prisons"));
            assertTooManyRequests(given().accept("application/problem+json").get("/api/v1/no-such-collection"));
        });
    }

    @Test
    void ordinaryReadsWriteNothingToTheDatabaseUntilTheBackgroundJobsRun() {
        Keys.of(Role.ANALYST);
        Keys.of(Role.REPORTER);
        inOneWindow(() -> {
            as(Role.ANALYST).get("/api/v1/prisons").then().statusCode(200);
            as(Role.REPORTER).get("/api/v1/prisons").then().statusCode(200);
            sync.sync();
            keyUses.flush();
            db.execute("update api_key set last_used_at = null");
            long rows = db.count("select count(*) from rate_limit_window");
            long hits = db.count("select coalesce(sum(hits), 0) from rate_limit_window");

            for (int i = 0; i < 10; i++) {
                as(Role.ANALYST).get("/api/v1/prisons").then().statusCode(200);
                as(Role.REPORTER).get("/api/v1/incidents").then().statusCode(200);
            }
            for (int i = 0; i < 3; i++) {
                anonymous().get("/api/v1/prisons").then().statusCode(200);
            }
            assertEquals(rows, db.count("select count(*) from rate_limit_window"));
            assertEquals(hits, db.count("select coalesce(sum(hits), 0) from rate_limit_window"));
            assertEquals(0, db.count("select count(*) from api_key where last_used_at is not null"));

            sync.sync();
            keyUses.flush();
            assertEquals(hits + 23, db.count("select coalesce(sum(hits), 0) from rate_limit_window"));
            assertEquals(2, db.count("select count(*) from api_key where last_used_at is not null"));
        });
    }

    @Test
    void hitsAnotherInstanceCountedWeighInOnceSynced() {
        inOneWindow(() -> {
            anonymous().get("/api/v1/prisons").then().statusCode(200);
            sync.sync();
            // another instance admits 3 requests from the same address and syncs them
            assertEquals(1, db.execute("update rate_limit_window set hits = hits + 3 where caller like 'address:%'"));
            anonymous().get("/api/v1/prisons").then().statusCode(200);

            sync.sync();
            // alone, this instance would admit 3 more of the 5; with the other's 3 it has room for none
            assertTooManyRequests(anonymous().get("/api/v1/prisons"));
            sync.sync();
            assertEquals(6, db.count("select hits from rate_limit_window where caller like 'address:%'"));
        });
    }

    @Test
    void pastTheCapOnTrackedAddressesANewAddressIs429WhileKnownAddressesAndKeysGoOn() {
        try {
            inOneWindow(() -> {
                for (int i = 1; i <= SmallBudgetsManualSync.MAX_TRACKED_ADDRESSES; i++) {
                    anonymous().header("X-Forwarded-For", "203.0.113." + i).get("/api/v1/prisons").then()
                            .statusCode(200);
                }
                assertTooManyRequests(anonymous().header("X-Forwarded-For", "203.0.113.99").get("/api/v1/prisons"));
                anonymous().header("X-Forwarded-For", "203.0.113.1").get("/api/v1/prisons").then().statusCode(200);
                as(Role.ANALYST).header("X-Forwarded-For", "203.0.113.98").get("/api/v1/prisons").then()
                        .statusCode(200);
            });
        } finally {
            limiter.clear();
        }
    }

    private static void assertTooManyRequests(Response response) {
        String retryAfter = response.then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429)).body("type", equalTo("urn:prisonwatch:problem:too-many-requests"))
                .extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + retryAfter);
    }

    /**
     * Budgets are per one-minute window: a scenario that straddles a window boundary starts from zero halfway, so
     * it runs once more, from a clean table, in the next window.
     */
    private void inOneWindow(Runnable scenario) {
        for (int attempt = 0; ; attempt++) {
            db.execute("delete from rate_limit_window");
            limiter.clear();
            long window = Instant.now().getEpochSecond() / 60;
            try {
                scenario.run();
                return;
            } catch (AssertionError e) {
                if (attempt > 0 || Instant.now().getEpochSecond() / 60 == window) {
                    throw e;
                }
            }
        }
    }
}
