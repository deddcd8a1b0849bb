package org.prisonwatch.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prisonwatch.support.Api.anonymousUnchecked;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Database;

@QuarkusTest
class AuditCheckpointTest {

    @Inject
    Database db;

    @Inject
    ChainTampering tamper;

    @ConfigProperty(name = "prisonwatch.keys-dir")
    String keysDir;

    private static Map<String, Object> checkpoint() {
        return new HashMap<>(api().get("/api/v1/audit/checkpoint").then().statusCode(200).extract().jsonPath()
                .getMap(""));
    }

    private static long seqOf(Map<String, Object> checkpoint) {
        return ((Number) checkpoint.get("seq")).longValue();
    }

    @Test
    void aCheckpointSignsTheHeadAndVerifiesOfflineWithThePublicKeyFile() throws Exception {
        prison(unique("Checkpoint"));
        Map<String, Object> checkpoint = checkpoint();
        long seq = seqOf(checkpoint);
        assertEquals(db.count("select count(*) from audit_entry where seq = ? and hash = ?", seq,
                checkpoint.get("headHash")), 1, "headHash is the stored hash of the entry at seq");
        assertEquals(1, ((Number) checkpoint.get("keyedFrom")).intValue(), "a new database is keyed from entry 1");
        assertEquals(1, db.count("select count(*) from audit_entry where seq = 1 and action = 'CHAIN_KEYED'"));
        assertEquals("Ed25519", checkpoint.get("algorithm"));

        // what the README tells an administrator to do, with the public key file rather than the response's copy
        String pem = Files.readString(Path.of(keysDir, "audit-checkpoint-public.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        assertEquals(Base64.getEncoder().encodeToString(der), checkpoint.get("publicKey"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)),
                checkpoint.get("keyId"));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        verifier.update(signedBytes(checkpoint));
        assertTrue(verifier.verify(Base64.getDecoder().decode((String) checkpoint.get("signature"))));

        api().body(checkpoint).post("/api/v1/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("checkpointSeq", equalTo((int) seq))
                .body("firstBrokenSeq", nullValue());
    }

    @Test
    void theKeysAreFilesReadableByTheServiceUserOnly() throws Exception {
        checkpoint();
        for (String file : new String[] {"audit-checkpoint.pem", "audit-checkpoint-public.pem",
            "audit-chain-hmac.key"}) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(keysDir,
                    file))), file);
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(keysDir))));
        assertTrue(Files.readString(Path.of(keysDir, "audit-checkpoint.pem"))
                .startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void entriesCutFromTheEndWithTheHeadMovedBackNoLongerExtendAnEarlierCheckpoint() {
        prison(unique("Checkpoint"));
        prison(unique("Checkpoint"));
        Map<String, Object> checkpoint = checkpoint();
        long seq = seqOf(checkpoint);
        prison(unique("Checkpoint"));

        try (var undo = tamper.truncateTo(seq - 2)) {
            // the attack fools the chain on its own: what is left links and hashes
            api().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
            api().body(checkpoint).post("/api/v1/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq - 1))
                    .body("headSeq", equalTo((int) seq - 2))
                    .body("checkpointSeq", equalTo((int) seq))
                    .body("problem", containsString("entries were removed from its end"));
        }
        api().body(checkpoint).post("/api/v1/audit/verify").then().body("intact", equalTo(true));
    }

    @Test
    void anEntryRewrittenWithEveryLaterHashRecomputedNoLongerExtendsAnEarlierCheckpoint() {
        prison(unique("Checkpoint"));
        Map<String, Object> checkpoint = checkpoint();
        long seq = seqOf(checkpoint);
        prison(unique("Checkpoint"));

        try (var undo = tamper.rewriteAndRehash(seq - 1, "READ_PERSON")) {
            api().body(checkpoint).post("/api/v1/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq - 1))
                    .body("problem", equalTo("content does not match its hash"));
            // plain SHA-256 no longer passes for a keyed entry, so the chain on its own gives it away too
            api().get("/api/v1/audit/verify").then().body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq - 1));
        }
        api().body(checkpoint).post("/api/v1/audit/verify").then().body("intact", equalTo(true));
        api().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
    }

    @Test
    void aChainRehashedWithoutItsKeyedHashingMarkIsCaught() {
        Map<String, Object> checkpoint = checkpoint();
        prison(unique("Checkpoint"));

        // the downgrade: the mark becomes an ordinary entry and the whole chain is rehashed with plain SHA-256
        try (var undo = tamper.rewriteAndRehash(1, "KEY_ISSUE")) {
            api().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo(1)).body("keyedFrom", nullValue())
                    .body("problem", containsString("no entry marks where keyed hashing starts"));
            api().body(checkpoint).post("/api/v1/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false)).body("firstBrokenSeq", equalTo(1));
            api().get("/api/v1/audit/checkpoint").then().statusCode(409)
                    .body("type", equalTo("urn:prisonwatch:problem:conflict"));
        }
        api().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
    }

    @Test
    void aCheckpointAlteredOrSignedElsewhereIsRefusedNamingTheField() throws Exception {
        Map<String, Object> checkpoint = checkpoint();
        String hash = (String) checkpoint.get("headHash");

        Map<String, Object> otherHash = new HashMap<>(checkpoint);
        otherHash.put("headHash", (hash.charAt(0) == '0' ? "1" : "0") + hash.substring(1));
        refused(otherHash, "signature");

        Map<String, Object> earlier = new HashMap<>(checkpoint);
        earlier.put("seq", seqOf(checkpoint) - 1);
        refused(earlier, "signature");

        // a checkpoint someone else signed over this chain's real head
        KeyPair theirs = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(theirs.getPrivate());
        signer.update(signedBytes(checkpoint));
        Map<String, Object> forged = new HashMap<>(checkpoint);
        forged.put("signature", Base64.getEncoder().encodeToString(signer.sign()));
        refused(forged, "signature");
        forged.put("publicKey", Base64.getEncoder().encodeToString(theirs.getPublic().getEncoded()));
        refused(forged, "publicKey");
        forged.put("keyId", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(theirs.getPublic().getEncoded())));
        refused(forged, "keyId");

        Map<String, Object> notBase64 = new HashMap<>(checkpoint);
        notBase64.put("signature", "not a signature!");
        hostile().body(notBase64).post("/api/v1/audit/verify").then().statusCode(400)
                .body("errors[0].field", equalTo("signature"));
        Map<String, Object> noSeq = new HashMap<>(checkpoint);
        noSeq.remove("seq");
        hostile().body(noSeq).post("/api/v1/audit/verify").then().statusCode(400)
                .body("errors[0].field", equalTo("seq"));
    }

    private static void refused(Map<String, Object> checkpoint, String field) {
        api().body(checkpoint).post("/api/v1/audit/verify").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prisonwatch:problem:validation"))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void onlyAdminsTakeAndVerifyCheckpoints() {
        Map<String, Object> checkpoint = checkpoint();
        anonymousUnchecked().get("/api/v1/audit/checkpoint").then().statusCode(401);
        anonymousUnchecked().body(checkpoint).post("/api/v1/audit/verify").then().statusCode(401);
        for (Role role : new Role[] {Role.REPORTER, Role.ANALYST, Role.PARTNER}) {
            as(role).get("/api/v1/audit/checkpoint").then().statusCode(403);
            as(role).body(checkpoint).post("/api/v1/audit/verify").then().statusCode(403);
        }
    }

    /** The bytes the README says are signed, rebuilt from the checkpoint's fields. */
    private static byte[] signedBytes(Map<String, Object> checkpoint) {
        return ("prisonwatch-audit-checkpoint-v1\nseq=" + checkpoint.get("seq") + "\nheadHash="
                + checkpoint.get("headHash") + "\nkeyedFrom=" + checkpoint.get("keyedFrom") + "\nsignedAt="
                + checkpoint.get("signedAt") + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
