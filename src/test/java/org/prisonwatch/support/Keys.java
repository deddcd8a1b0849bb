package org.prisonwatch.support;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.util.EnumMap;
import java.util.Map.Entry;
import java.util.Map;
import org.prisonwatch.access.Role;

/**
 * API keys for tests. The admin key is the configured bootstrap key; the others are issued through the admin
 * API on first use. The database is cleaned whenever the application restarts (a test profile change), so keys
 * are remembered per running application.
 */
public final class Keys {

    public static final String BOOTSTRAP_ADMIN = "test-bootstrap-admin-key-0123456789abcdef";

    private static ArcContainer issuedFor;
    private static final Map<Role, String> ISSUED = new EnumMap<>(Role.class);

    private Keys() {
    }

    public static synchronized String of(Role role) {
        if (role == Role.ADMIN) {
            return BOOTSTRAP_ADMIN;
        }
        if (issuedFor != Arc.container()) {
            ISSUED.clear();
            issuedFor = Arc.container();
        }
        return ISSUED.computeIfAbsent(role, Keys::issue);
    }

    /** A second, distinct key of the same role: for "someone else's submission" cases. */
    public static String another(Role role) {
        return issue(role);
    }

    private static String issue(Role role) {
        return given().header("Authorization", "Bearer " + BOOTSTRAP_ADMIN).contentType("application/json")
                .body(Map.of("name", "test " + role, "role", role.name()))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().path("key");
    }

    /** For assertions that name every role. */
    public static Iterable<Entry<Role, String>> all() {
        Map<Role, String> all = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            all.put(role, of(role));
        }
        return all.entrySet();
    }
}
