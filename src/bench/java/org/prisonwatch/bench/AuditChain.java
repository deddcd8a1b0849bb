package org.prisonwatch.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Continues the service's audit chain from its head: each entry's hash is HMAC-SHA256, under the key in the keys
 * directory, of the same text audit.AuditEntry#hashInput hashes, and links to the entry before it. The loader
 * appends only after the keyed-hashing mark (KeyedHashingMark places it when the service first starts), so every
 * entry it writes is keyed.
 */
final class AuditChain {

    private final Mac mac;
    private long seq;
    private String hash;

    AuditChain(byte[] key, long headSeq, String headHash) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.seq = headSeq;
        this.hash = headHash;
    }

    /** Appends an entry; returns its row for audit_entry (seq first). */
    Object[] append(UUID actor, String action, String entity, UUID entityId, Integer version, Instant at) {
        long next = seq + 1;
        String input = next + "|" + actor + "|" + action + "|" + entity + "|" + entityId + "|" + version + "|" + at
                + "|" + hash;
        String entryHash = HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        Object[] row = {next, actor, action, entity, entityId, version, at, hash, entryHash};
        seq = next;
        hash = entryHash;
        return row;
    }

    long seq() {
        return seq;
    }

    String hash() {
        return hash;
    }
}
