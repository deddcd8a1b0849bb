package org.prisonwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.anonymousUnchecked;
import static org.prisonwatch.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Database;
import org.prisonwatch.support.Keys;

@QuarkusTest
@TestProfile(RateLimitTest.SmallBudgets.class)
class RateLimitTest {

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("prisonwatch.rate-limit.anonymous", "5", "prisonwatch.rate-limit.per-key", "1000",
                    "prisonwatch.rate-limit.failed-keys", "3");
        }
    }

    @Inject
    Database db;

    @Test
    void anAnonymousCallerOverBudgetGets429WithRetryAfterWhileKeyedCallersDoNot() {
        inOneWindow(() -> {
            for (int i = 0; i < 5; i++) {
                anonymous().get("/api/v1/prisons").then().statusCode(200);
            }
            assertTooManyRequests(anonymous().get("/api/v1/prisons"));

            as(Role.ANALYST).get("/api/v1/prisons").then().statusCode(200);
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
