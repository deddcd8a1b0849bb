package org.prisonwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.anonymousUnchecked;
import static org.prisonwatch.support.Api.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.prisonwatch.support.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prisonwatch.support.Database;
import org.prisonwatch.support.Fixtures;

@QuarkusTest
class AuthenticationTest {

    @Inject
    Database db;

    @Inject
    KeyUses keyUses;

    private static void isUnauthenticated(ValidatableResponse response) {
        response.statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("urn:prisonwatch:problem:unauthenticated"));
    }

    @Test
    void anIssuedKeyIsShownOnceAndStoredOnlyAsItsHash() {
        Map<String, Object> created = api().body(Map.of("name", "field reporter 7", "role", "REPORTER"))
                .post("/api/v1/admin/api-keys").then().statusCode(201)
                .header("Location", notNullValue())
                .body("role", equalTo("REPORTER")).body("key", startsWith("pw_"))
                .extract().as(Map.class);
        String key = (String) created.get("key");
        String id = (String) created.get("id");

        assertTrue(key.length() >= 43, "at least 256 bits of key");
        api().get("/api/v1/admin/api-keys").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.key", everyItem(nullValue()));
        assertEquals(0, db.count("select count(*) from api_key where key_hash = ? or name = ?", key, key));
        assertEquals(1, db.count("select count(*) from api_key where id = ? and key_hash = ?", id, KeyHash.of(key)));

        given().header("Authorization", "Bearer " + key).get("/api/v1/incidents").then().statusCode(200);
        keyUses.flush();
        assertEquals(1, db.count("select count(*) from api_key where id = ? and last_used_at is not null", id));
    }

    @Test
    void keysNeverReachTheLog() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // the test's own HTTP client (org.apache.http) logs its wire traffic at this level; the service's
                // loggers are the ones under test
                if (record.getLoggerName() == null || record.getLoggerName().startsWith("org.apache.http")) {
                    return;
                }
                logged.add(record.getLoggerName() + " " + record.getMessage() + " "
                        + java.util.Arrays.toString(record.getParameters()) + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try {
            Map<String, Object> created = api().body(Map.of("name", "log probe", "role", "ANALYST"))
                    .post("/api/v1/admin/api-keys").then().statusCode(201).extract().as(Map.class);
            String key = (String) created.get("key");
            given().header("Authorization", "Bearer " + key).get("/api/v1/incidents").then().statusCode(200);
            api().delete("/api/v1/admin/api-keys/" + created.get("id")).then().statusCode(204);
            given().header("Authorization", "Bearer " + key).get("/api/v1/incidents").then().statusCode(401);

            assertTrue(logged.size() > 0, "the probe captured no log records at all");
            assertEquals(List.of(), logged.stream().filter(line -> line.contains(key)
                    || line.contains(Keys.BOOTSTRAP_ADMIN)).toList());
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        Map<String, Object> created = api().body(Map.of("name", "lost phone", "role", "REPORTER"))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().as(Map.class);
        String key = (String) created.get("key");
        given().header("Authorization", "Bearer " + key).get("/api/v1/incidents").then().statusCode(200);

        api().delete("/api/v1/admin/api-keys/" + created.get("id")).then().statusCode(204);

        isUnauthenticated(given().header("Authorization", "Bearer " + key).get("/api/v1/incidents").then());
        api().delete("/api/v1/admin/api-keys/" + created.get("id")).then().statusCode(204);
        api().delete("/api/v1/admin/api-keys/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer pw_not-a-key-that-exists", "Bearer ", "Basic dXNlcjpwYXNz", "pw_without_scheme",
        "Bearer two words", "Bearer \u00e9\u00e9\u00e9"})
    void aBadKeyIs401EvenWhereAnonymousCallersAreWelcome(String header) {
        isUnauthenticated(given().header("Authorization", header).get("/api/v1/prisons").then());
        isUnauthenticated(given().header("Authorization", header).contentType("application/json")
                .body(Fixtures.prisonBody("Kachin")).post("/api/v1/prisons").then());
    }

    @Test
    void writingWithoutAKeyIs401AndReadingWithoutOneIsAllowed() {
        isUnauthenticated(anonymousUnchecked().body(Fixtures.prisonBody("Kachin")).post("/api/v1/prisons").then());
        anonymous().get("/api/v1/prisons").then().statusCode(200);
        isUnauthenticated(anonymousUnchecked().get("/api/v1/admin/api-keys").then());
    }

    @Test
    void keysNeedANameAndAKnownRole() {
        org.prisonwatch.support.Api.hostile().body(Map.of("name", "x", "role", "ROOT"))
                .post("/api/v1/admin/api-keys").then().statusCode(400).body("errors[0].field", equalTo("role"));
        org.prisonwatch.support.Api.hostile().body(Map.of("role", "ANALYST"))
                .post("/api/v1/admin/api-keys").then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void theBootstrapKeyIsStoredHashedToo() {
        assertEquals(0, db.count("select count(*) from api_key where key_hash = ?",
                org.prisonwatch.support.Keys.BOOTSTRAP_ADMIN));
        assertEquals(1, db.count("select count(*) from api_key where key_hash = ? and role = 'ADMIN'",
                KeyHash.of(org.prisonwatch.support.Keys.BOOTSTRAP_ADMIN)));
        api().get("/api/v1/admin/api-keys").then().body("items.name", hasItem("bootstrap admin"))
                .body("items.name", not(hasItem(org.prisonwatch.support.Keys.BOOTSTRAP_ADMIN)));
    }
}
