package org.prisonwatch.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.prisonwatch.secrets.ServiceSecrets;
import org.prisonwatch.secrets.Sha256;

/**
 * The hash an audit entry must carry. Plain SHA-256 can be recomputed by anyone who can write the database, so a
 * rewritten entry could be hidden by rehashing everything after it; an HMAC with a key outside the database cannot.
 * Entries written before the chain was keyed keep their plain hashes: rewriting them would be the very tampering
 * the chain exists to reveal.
 */
@ApplicationScoped
public class EntryHashes {

    /** The HMAC key's file name in the keys directory. */
    public static final String SECRET = "audit-chain-hmac";
    private static final String HMAC = "HmacSHA256";

    /** A Mac is not thread-safe, and making one per entry would dominate a walk over a long chain. */
    private final ThreadLocal<Mac> macs;

    public EntryHashes(ServiceSecrets secrets) {
        SecretKeySpec key = new SecretKeySpec(secrets.secret(SECRET, 32), HMAC);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(HMAC);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
            }
        });
    }

    String keyed(AuditEntry entry) {
        return HexFormat.of().formatHex(macs.get().doFinal(entry.hashInput().getBytes(StandardCharsets.UTF_8)));
    }

    static String plain(AuditEntry entry) {
        return Sha256.hex(entry.hashInput());
    }
}
