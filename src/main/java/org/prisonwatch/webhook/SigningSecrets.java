package org.prisonwatch.webhook;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.prisonwatch.secrets.ServiceSecrets;

/**
 * Webhook signing secrets: made here ({@code whsec_} and 24 random bytes, as Standard Webhooks writes them), shown
 * once, and stored sealed with AES-256-GCM under a key kept outside the database. Whoever can read the database
 * (a backup, a replica) cannot sign a webhook a partner would believe. Its key file is made at start, beside the
 * others, so that a backup of the keys directory taken before the first subscription holds it.
 */
@ApplicationScoped
@Startup
public class SigningSecrets {

    private static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 24;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec sealingKey;

    @Inject
    public SigningSecrets(ServiceSecrets secrets) {
        this.sealingKey = new SecretKeySpec(secrets.secret("webhook-secrets", 32), "AES");
    }

    /** A new secret, as the subscriber is given it. */
    public String fresh() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret a stored value seals; fails when the keys directory holds another key than the one it was sealed with. */
    public String open(String stored) {
        byte[] token = Base64.getDecoder().decode(stored);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, token, 0, NONCE_BYTES));
            return new String(cipher.doFinal(token, NONCE_BYTES, token.length - NONCE_BYTES),
                    StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret cannot be opened: the keys directory holds another "
                    + "webhook-secrets.key than the one it was sealed with", e);
        }
    }
}
