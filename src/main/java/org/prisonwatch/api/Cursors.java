package org.prisonwatch.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.prisonwatch.secrets.ServiceSecrets;

/**
 * Seals every cursor the API issues (lists, audit log, history, change feed) with AES-256-GCM, so a client can
 * neither read a position (which would tell how many changes it was not shown) nor forge one (which would let it
 * probe positions between the rows it may see).
 *
 * <p>The associated data binds each cursor to its {@link CursorScope} and to the caller it was issued to. A position
 * is a place among the rows <em>that caller</em> could see: handed to someone who sees fewer rows, it would still
 * mark where a row hidden from them sits. So another list, another caller, a flipped bit or a truncation all fail
 * the same authentication check, and the answer never says which.
 *
 * <p>The nonce is derived from the key, the associated data and the position (a synthetic IV, as in SIV modes), so
 * the same position always gives the same string: a feed cursor at the end of the feed "stops moving", and a nonce
 * repeats only together with its whole input, which then yields the same ciphertext and reveals nothing new.
 *
 * <p>The key is the service secret {@code cursor-key} (see {@link ServiceSecrets}), shared by every instance, so
 * cursors survive restarts and work on any instance. Replacing that file invalidates every cursor issued before:
 * clients start their lists again, and partners read the feed again from the beginning.
 */
// looked up by the keysets, not injected, so ArC must keep it; made at start, so the key file exists from then on
@Unremovable
@Startup
@ApplicationScoped
public class Cursors {

    static final String SECRET = "cursor-key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Far above any cursor this class issues; longer input is refused before any work is done on it. */
    public static final int MAX_CURSOR_CHARS = 1024;

    /** What a cursor is written in: unpadded base64url. */
    public static final String ALPHABET = "[A-Za-z0-9_-]+";

    // not final: ArC adds a no-argument constructor to proxy this bean
    private SecretKeySpec encryptionKey;
    private SecretKeySpec nonceKey;
    private SecurityIdentity identity;

    @Inject
    public Cursors(ServiceSecrets secrets, SecurityIdentity identity) {
        byte[] master = secrets.secret(SECRET, 32);
        // two independent keys from the one secret, so the nonce derivation never touches the encryption key
        this.encryptionKey = new SecretKeySpec(hmac(master, "prisonwatch cursor encryption"), "AES");
        this.nonceKey = new SecretKeySpec(hmac(master, "prisonwatch cursor nonce"), "HmacSHA256");
        Arrays.fill(master, (byte) 0);
        this.identity = identity;
    }

    /**
     * The instance serving this application, for the keysets that repositories hold as constants. Looked up on
     * each call, so a test that replaces the bean is honoured.
     */
    public static Cursors current() {
        return Arc.container().instance(Cursors.class).get();
    }

    /**
     * Cursors sealed lately, by what they seal: sealing is a function of its input (see the synthetic IV above), so
     * one sealed again is taken from here. A list read again and again (an app polling its first page) sealed the
     * same next cursor each time, at a twentieth of the page's time.
     */
    private final Cache<Sealed, String> sealed = Caffeine.newBuilder().maximumSize(10_000).build();

    private record Sealed(ByteBuffer associated, ByteBuffer position) {
    }

    private final ThreadLocal<Primitives> primitives =
            ThreadLocal.withInitial(() -> new Primitives(nonceKey, encryptionKey));

    /** The opaque, URL-safe cursor for a position in the given scope, for the current caller. */
    public String seal(CursorScope scope, byte[] position) {
        byte[] associated = associatedData(scope);
        return sealed.get(new Sealed(ByteBuffer.wrap(associated), ByteBuffer.wrap(position.clone())),
                input -> seal(associated, position));
    }

    private String seal(byte[] associated, byte[] position) {
        Primitives own = primitives.get();
        byte[] nonce = Arrays.copyOf(own.nonce(ByteBuffer.allocate(4).putInt(associated.length).array(), associated,
                position), NONCE_BYTES);
        try {
            Cipher cipher = own.encrypting(nonce);
            cipher.updateAAD(associated);
            byte[] sealed = cipher.doFinal(position);
            byte[] token = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * A thread's MAC and cipher, initialised once: a change-feed page seals a cursor for each of its up to 500
     * entries, and a fresh instance costs each of them the HMAC and AES key schedules again (a fifth of a feed page
     * read from kept renders). An AES cipher re-initialised with the key it already holds skips its key schedule.
     * Static, holding the keys and not this bean: a thread's entry must not keep a replaced bean alive.
     */
    private static final class Primitives {

        private final Mac mac;
        private final SecretKeySpec encryptionKey;
        private Cipher cipher;

        Primitives(SecretKeySpec nonceKey, SecretKeySpec encryptionKey) {
            this.mac = macFor(nonceKey);
            this.encryptionKey = encryptionKey;
            try {
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available", e);
            }
        }

        byte[] nonce(byte[]... parts) {
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        }

        /**
         * The cipher, ready to encrypt under this nonce. GCM refuses to encrypt twice in a row under one key and
         * nonce, which a synthetic IV does when a position evicted from the cache of sealed cursors is sealed
         * again on the same thread: that one seal gets a fresh cipher (same input, same output, so nothing leaks).
         */
        Cipher encrypting(byte[] nonce) throws GeneralSecurityException {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            } catch (InvalidAlgorithmParameterException repeatedNonce) {
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            }
            return cipher;
        }
    }

    /**
     * The position a cursor holds, if this service issued it for this scope and this caller; otherwise a 400
     * problem naming the scope's parameter.
     */
    public byte[] open(CursorScope scope, String cursor) {
        byte[] token = decode(cursor);
        if (token == null || token.length < NONCE_BYTES + TAG_BITS / 8) {
            throw refused(scope);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, token, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(scope));
            return cipher.doFinal(token, NONCE_BYTES, token.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw refused(scope);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The problem for any cursor that does not open: it never says whether it was altered, foreign or someone else's. */
    public static ProblemException refused(CursorScope scope) {
        return ProblemException.invalidParameter(scope.parameter(), "is not a cursor this API issued to you for "
                + "this list and order; start again without it");
    }

    private byte[] associatedData(CursorScope scope) {
        String caller = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        return (scope.name() + '\0' + caller).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String cursor) {
        if (cursor == null || cursor.length() > MAX_CURSOR_CHARS) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] hmac(byte[] key, String label) {
        return macFor(new SecretKeySpec(key, "HmacSHA256")).doFinal(label.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac macFor(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
