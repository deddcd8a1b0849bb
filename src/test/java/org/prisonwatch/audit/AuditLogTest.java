package org.prisonwatch.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incident;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.prisonBody;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Database;

@QuarkusTest
class AuditLogTest {

    @Inject
    Database db;

    @Test
    void everyWriteLeavesAnEntryWithActorActionAndVersion() {
        String id = prison(unique("Audit"));
        api().header("If-Match", "\"1\"").body(prisonBody("Kachin")).put("/api/v1/prisons/" + id).then()
                .statusCode(200);
        api().header("If-Match", "\"2\"").delete("/api/v1/prisons/" + id).then().statusCode(204);

        String adminKeyId = api().queryParam("limit", 500).get("/api/v1/admin/api-keys").then().extract()
                .path("items.find { it.name == 'bootstrap admin' }.id");
        api().queryParam("entityId", id).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", contains("CREATE", "UPDATE", "DELETE"))
                .body("items.recordVersion", contains(1, 2, 3))
                .body("items.entity", everyItem(equalTo("Prison")))
                .body("items.actorKeyId", everyItem(equalTo(adminKeyId)));
    }

    @Test
    void readsOfIdentifyingDataAreTracedButTheValuesNeverEnterTheLog() {
        Map<String, Object> body = casualtyBody(incident(null));
        body.put("person", Map.of("name", "AUDITCANARY Ko Aung", "prisonerNumber", "AUDITCANARY-77"));
        body.put("confidentiality", "RESTRICTED");
        String id = create("casualties", body);

        as(Role.ANALYST).get("/api/v1/casualties/" + id).then().statusCode(200);
        as(Role.PARTNER).get("/api/v1/casualties/" + id).then().statusCode(200).body("person", nullValue());

        api().queryParam("entityId", id).queryParam("action", "READ_PERSON").get("/api/v1/audit").then()
                // the creating admin's response and the analyst's read carried the person; the partner's did not
                .body("items", hasSize(2));
        api().queryParam("entityId", id).get("/api/v1/audit").then().body(not(containsString("AUDITCANARY")));
        assertEquals(0, db.count("select count(*) from audit_entry where entity = 'AUDITCANARY' or action like "
                + "'%AUDITCANARY%'"));
    }

    @Test
    void keyChangesAreAudited() {
        String keyId = api().body(Map.of("name", "audited", "role", "PARTNER")).post("/api/v1/admin/api-keys")
                .then().statusCode(201).extract().path("id");
        api().delete("/api/v1/admin/api-keys/" + keyId).then().statusCode(204);
        api().queryParam("entityId", keyId).get("/api/v1/audit").then()
                .body("items.action", contains("KEY_ISSUE", "KEY_REVOKE"));
    }

    @Test
    void anUntouchedChainVerifiesAndAnEditedRowIsNamed() {
        String id = prison(unique("Audit"));
        api().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true))
                .body("firstBrokenSeq", nullValue());
        long seq = db.count("select max(seq) from audit_entry where entity_id = ?", id);

        db.execute("update audit_entry set action = 'READ_PERSON' where seq = ?", seq);
        try {
            api().get("/api/v1/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq))
                    .body("problem", equalTo("content does not match its hash"));
        } finally {
            db.execute("update audit_entry set action = 'CREATE' where seq = ?", seq);
        }
        api().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
    }

    @Test
    void aRemovedRowIsNamed() {
        String id = prison(unique("Audit"));
        long seq = db.count("select max(seq) from audit_entry where entity_id = ?", id);
        String actor = api().queryParam("entityId", id).get("/api/v1/audit").then().extract().path("items[0].actorKeyId");
        Map<String, Object> row = api().queryParam("entityId", id).get("/api/v1/audit").then().extract()
                .path("items[0]");

        db.execute("delete from audit_entry where seq = ?", seq);
        try {
            api().get("/api/v1/audit/verify").then().body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq));
        } finally {
            db.execute("insert into audit_entry (seq, actor_key_id, action, entity, entity_id, record_version, "
                    + "occurred_at, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", seq,
                    actor, row.get("action"), row.get("entity"), id, row.get("recordVersion"),
                    java.sql.Timestamp.from(java.time.Instant.parse((String) row.get("occurredAt"))),
                    row.get("previousHash"), row.get("hash"));
        }
        api().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
    }
}
