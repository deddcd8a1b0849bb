package org.prisonwatch.security;

import org.prisonwatch.access.Role;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Database;

@QuarkusTest
@TestProfile(RateLimitTest.SmallBudgets.class)
class RateLimitTest {

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("prisonwatch.rate-limit.anonymous", "5", "prisonwatch.rate-limit.per-key", "1000");
        }
    }

    @Inject
    Database db;

    @Test
    void anAnonymousCallerOverBudgetGets429WithRetryAfterWhileKeyedCallersDoNot() {
        for (int i = 0; i < 5; i++) {
            anonymous().get("/api/v1/prisons").then().statusCode(200);
        }
        String retryAfter = anonymous().get("/api/v1/prisons").then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429)).body("type", equalTo("urn:prisonwatch:problem:too-many-requests"))
                .extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + retryAfter);

        as(Role.ANALYST).get("/api/v1/prisons").then().statusCode(200);
        assertTrue(db.count("select max(hits) from rate_limit_window where caller like 'address:%'") >= 6);
        assertEquals(1, db.count("select count(*) from rate_limit_window where caller like 'key:%' and hits >= 1")
                >= 1 ? 1 : 0);
    }
}
