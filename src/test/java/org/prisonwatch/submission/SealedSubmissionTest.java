package org.prisonwatch.submission;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.anonymousUnchecked;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.reportBody;
import static org.prisonwatch.support.Fixtures.sourceBody;
import static org.prisonwatch.support.Fixtures.unique;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.security.KeyHash;
import org.prisonwatch.support.Database;
import org.prisonwatch.support.Keys;
import org.prisonwatch.support.Sealing;

/** What a reporter's phone seals: opened with the service's key and applied as the POSTs it holds, or not at all. */
@QuarkusTest
class SealedSubmissionTest {

    private static final String PATH = "/api/v1/sealed-submissions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Database database;

    @Test
    void anyoneMayReadTheKeyToSealTo() {
        anonymous().get(PATH + "/key").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("kty", equalTo("RSA")).body("alg", equalTo("RSA-OAEP-256")).body("use", equalTo("enc"))
                .body("e", equalTo("AQAB"));
    }

    @Test
    void makesAnIncidentItsReportAndCasualtiesTogetherAndARetryMakesNothingMore() throws Exception {
        String prisonId = prison("Kachin");
        String marker = unique("Sealed");
        Map<String, Object> source = sourceBody();
        source.put("kind", "WITNESS");
        source.put("contact", "Signal +95 9 000 000");
        Map<String, Object> incident = incidentBody(prisonId, "2025-03-01", "2025-03-31");
        incident.put("title", marker);
        incident.put("citations", List.of(Map.of("sourceId", "#0", "reliability", "C", "credibility", 3)));
        Map<String, Object> report = reportBody(prisonId);
        report.put("incidentId", "#1");
        Map<String, Object> killed = casualtyBody("#1");
        Map<String, Object> injured = casualtyBody("#1");
        injured.put("outcome", "INJURED");
        String sealed = seal(writes(
                write("sources", source), write("incidents", incident), write("armed-inmate-reports", report),
                write("casualties", killed), write("casualties", injured)));
        String key = UUID.randomUUID().toString();

        ValidatableResponse first = as(Role.REPORTER).contentType(SealedSubmissionResource.MEDIA_TYPE)
                .header("Idempotency-Key", key).body(sealed.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).post(PATH).then().statusCode(201)
                .body("writes.collection", contains("sources", "incidents", "armed-inmate-reports", "casualties",
                        "casualties"))
                .body("writes[1].location", startsWith("/api/v1/incidents/"))
                .body("writes[1].version", equalTo(1))
                .body("writes[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("contact")));
        String sourceId = first.extract().path("writes[0].id");
        String incidentId = first.extract().path("writes[1].id");

        as(Role.REPORTER).get("/api/v1/incidents/" + incidentId).then().statusCode(200)
                .body("title", equalTo(marker)).body("citations[0].sourceId", equalTo(sourceId))
                .body("confidentiality", equalTo("RESTRICTED"));
        as(Role.REPORTER).queryParam("incidentId", incidentId).get("/api/v1/casualties").then()
                .body("items.outcome", contains("KILLED", "INJURED"));
        assertEquals(1, database.count("select count(*) from armed_inmate_report where incident_id = ?", incidentId));
        assertEquals(2, database.count("select count(*) from casualty where incident_id = ?", incidentId));

        submit(Role.REPORTER, key, sealed).statusCode(201).header("Idempotent-Replayed", "true")
                .body("writes[1].id", equalTo(incidentId));
        assertEquals(1, database.count("select count(*) from incident where title = ?", marker));
        assertEquals(2, database.count("select count(*) from casualty where incident_id = ?", incidentId));
        assertEquals(1, database.count("select count(*) from source where id = ?", sourceId));
    }

    @Test
    void namesEveryBadFieldOfEveryWriteAndMakesNothing() throws Exception {
        String marker = unique("Refused");
        Map<String, Object> incident = incidentBody(null, "2025-03-31", "2025-03-01");
        incident.put("title", marker);
        Map<String, Object> casualty = casualtyBody("#0");
        casualty.put("count", Map.of("min", 9, "best", 3));
        Map<String, Object> forward = casualtyBody("#3");

        submit(Role.REPORTER, UUID.randomUUID().toString(), seal(writes(write("incidents", incident),
                write("casualties", casualty), write("casualties", forward)))).statusCode(400)
                .body("type", equalTo("urn:prisonwatch:problem:validation"))
                .body("errors.field", hasItem("writes[0].record.occurredTo"))
                .body("errors.field", hasItem(startsWith("writes[1].record.count")))
                .body("errors.field", hasItem("writes[2].record.incidentId"));
        assertEquals(0, database.count("select count(*) from incident where title = ?", marker));
    }

    @Test
    void aWriteRefusedWhileApplyingUndoesTheWritesBeforeIt() throws Exception {
        String marker = unique("Undone");
        Map<String, Object> incident = incidentBody(null, "2025-03-01", "2025-03-31");
        incident.put("title", marker);
        String key = UUID.randomUUID().toString();
        String sealed = seal(writes(write("incidents", incident),
                write("casualties", casualtyBody(UUID.randomUUID().toString()))));

        submit(Role.REPORTER, key, sealed).statusCode(400)
                .body("errors.field", contains("writes[1].record.incidentId"))
                .body("detail", startsWith("writes[1]: "));
        assertEquals(0, database.count("select count(*) from incident where title = ?", marker));
        // refused, so the key was not spent: the same item is refused the same way again
        submit(Role.REPORTER, key, sealed).statusCode(400);
    }

    @Test
    void aReferenceToAnEarlierWriteMustBeToTheRightCollection() throws Exception {
        Map<String, Object> prisonLike = incidentBody("#0", "2025-03-01", null);
        submit(Role.REPORTER, UUID.randomUUID().toString(), seal(writes(write("sources", sourceBody()),
                write("incidents", prisonLike), write("casualties", casualtyBody("#0"))))).statusCode(400)
                .body("errors.field", contains("writes[1].record.prisonId", "writes[2].record.incidentId"));
    }

    @Test
    void refusesWhatCannotBeOpenedOrIsNotASubmission() throws Exception {
        String good = seal(writes(write("incidents", incidentBody(null, "2025-03-01", null))));
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + parts[2] + "." + flipFirst(parts[3]) + "." + parts[4];
        for (String body : List.of("not a jwe", tampered, sealWith(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM,
                false, "{}"), sealWith(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM, true, "{}"),
                sealToAnotherKey("{}"))) {
            submit(Role.REPORTER, UUID.randomUUID().toString(), body).statusCode(400)
                    .body("type", equalTo("urn:prisonwatch:problem:unopenable-seal"));
        }
        submit(Role.REPORTER, UUID.randomUUID().toString(), seal("{\"sealedFor\": \"" + KeyHash.of(Keys.of(Role.REPORTER)) + "\", \"writes\": [], \"extra\": 1}")).statusCode(400)
                .body("errors.field", hasItem("extra"));
        submit(Role.REPORTER, UUID.randomUUID().toString(), seal("{\"sealedFor\": \"" + KeyHash.of(Keys.of(Role.REPORTER)) + "\", \"writes\": []}")).statusCode(400)
                .body("errors.field", contains("writes"));
        submit(Role.REPORTER, UUID.randomUUID().toString(), seal("{\"writes\": [{\"collection\": \"incidents\", "
                + "\"record\": {}}]}")).statusCode(400).body("errors.field", hasItem("sealedFor"));
        submit(Role.REPORTER, UUID.randomUUID().toString(), seal("{\"sealedFor\": \"" + KeyHash.of(Keys.of(Role.REPORTER))
                + "\", \"writes\": [{\"collection\": \"prisons\", \"record\": {}}]}")).statusCode(400);
        // UTF-32 that does not decode: refused as text that is not UTF-8, not a failure of the service
        submit(Role.REPORTER, UUID.randomUUID().toString(), Sealing.seal(Sealing.serviceKey(),
                new byte[] {0, 0, 0, '{', 0, 0, (byte) 0xD8, 0})).statusCode(400)
                .body("type", equalTo("urn:prisonwatch:problem:malformed-json"));
    }

    @Test
    void needsAnIdempotencyKeyAndAWritingRole() throws Exception {
        String sealed = seal(writes(write("incidents", incidentBody(null, "2025-03-01", null))));
        hostile(Role.REPORTER).contentType(SealedSubmissionResource.MEDIA_TYPE).body(sealed.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).post(PATH).then()
                .statusCode(400).body("errors.field", contains("Idempotency-Key"));
        anonymousUnchecked().contentType(SealedSubmissionResource.MEDIA_TYPE)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(sealed.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).post(PATH).then().statusCode(401);
        submit(Role.PARTNER, UUID.randomUUID().toString(), sealed).statusCode(403);
        hostile(Role.REPORTER).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("writes", List.of()))
                .post(PATH).then().statusCode(415);
    }

    @Test
    void aCopyOfASealedItemSentWithAnotherKeyIsRefusedAndMakesNothing() throws Exception {
        String marker = unique("Copied");
        Map<String, Object> incident = incidentBody(null, "2025-03-01", null);
        incident.put("title", marker);
        String sealed = seal(writes(write("incidents", incident)));
        anonymousUnchecked().header("Authorization", "Bearer " + Keys.another(Role.REPORTER))
                .contentType(SealedSubmissionResource.MEDIA_TYPE).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(sealed.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).post(PATH).then().statusCode(403)
                .body("detail", startsWith("This item was sealed for another key"));
        submit(Role.ANALYST, UUID.randomUUID().toString(), sealed).statusCode(403);
        assertEquals(0, database.count("select count(*) from incident where title = ?", marker));
        submit(Role.REPORTER, UUID.randomUUID().toString(), sealed).statusCode(201);
        assertEquals(1, database.count("select count(*) from incident where title = ?", marker));
    }

    @Test
    void burmeseTypedInZawgyiIsStoredAsUnicodeAsThroughAnyPost() throws Exception {
        Map<String, Object> incident = incidentBody(null, "2025-03-01", null);
        incident.put("title", "အင္းစိန္အက်ဉ္းေထာင္ " + unique("Zawgyi"));
        String id = submit(Role.REPORTER, UUID.randomUUID().toString(), seal(writes(write("incidents", incident))))
                .statusCode(201).extract().path("writes[0].id");
        as(Role.REPORTER).get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("title", startsWith("အင်းစိန်အကျဉ်းထောင် "));
    }

    @Test
    void hashNIsOnlyTextOutsideTheReferenceFields() throws Exception {
        Map<String, Object> incident = incidentBody(null, "2025-03-01", null);
        String title = "#1 " + unique("Numbered");
        incident.put("title", "#1");
        incident.put("description", title);
        String id = submit(Role.REPORTER, UUID.randomUUID().toString(), seal(writes(write("incidents", incident))))
                .statusCode(201).extract().path("writes[0].id");
        assertEquals(1, database.count("select count(*) from incident where id = ? and title = '#1'", id));
    }

    @Test
    void aReporterMayNotLowerTheLevelInsideASealEither() throws Exception {
        String marker = unique("Lowered");
        Map<String, Object> source = sourceBody();
        source.put("name", marker);
        Map<String, Object> incident = incidentBody(null, "2025-03-01", null);
        incident.put("confidentiality", "PUBLIC");
        submit(Role.REPORTER, UUID.randomUUID().toString(), seal(writes(write("sources", source),
                write("incidents", incident)))).statusCode(403)
                .body("detail", startsWith("writes[1]: "));
        assertEquals(0, database.count("select count(*) from source where name = ?", marker));
    }

    private static ValidatableResponse submit(Role role, String idempotencyKey, String sealed) {
        return hostile(role).contentType(SealedSubmissionResource.MEDIA_TYPE)
                .header("Idempotency-Key", idempotencyKey).body(sealed.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).post(PATH).then();
    }

    private static Map<String, Object> write(String collection, Map<String, Object> record) {
        return Map.of("collection", collection, "record", record);
    }

    /** A reporter's submission, sealed for the reporter's key. */
    @SafeVarargs
    private static String writes(Map<String, Object>... writes) throws Exception {
        return writesFor(Keys.of(Role.REPORTER), writes);
    }

    @SafeVarargs
    private static String writesFor(String key, Map<String, Object>... writes) throws Exception {
        return JSON.writeValueAsString(Map.of("sealedFor", KeyHash.of(key), "writes", List.of(writes)));
    }

    private static String seal(String plaintext) {
        return Sealing.seal(plaintext);
    }

    private static String sealWith(JWEAlgorithm algorithm, EncryptionMethod encryption, boolean zip, String plaintext) {
        return Sealing.seal(Sealing.serviceKey(), algorithm, encryption, zip, plaintext);
    }

    private static String sealToAnotherKey(String plaintext) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM),
                new Payload(plaintext));
        jwe.encrypt(new RSAEncrypter((RSAPublicKey) generator.generateKeyPair().getPublic()));
        return jwe.serialize();
    }

    private static String flipFirst(String base64url) {
        char first = base64url.charAt(0);
        return (first == 'A' ? 'B' : 'A') + base64url.substring(1);
    }
}
