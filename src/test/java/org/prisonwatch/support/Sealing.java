package org.prisonwatch.support;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;

/** Seals as the reporters' page does (JWE, RSA-OAEP-256 and A256GCM), to the key the service publishes. */
public final class Sealing {

    private Sealing() {
    }

    /** The service's public key, as GET /api/v1/sealed-submissions/key gives it. */
    public static RSAKey serviceKey() {
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = Api.anonymous().get("/api/v1/sealed-submissions/key").then().statusCode(200)
                .extract().as(Map.class);
        try {
            return RSAKey.parse(new HashMap<>(jwk));
        } catch (ParseException e) {
            throw new IllegalStateException("the service's key is not a JWK", e);
        }
    }

    public static String seal(String plaintext) {
        return seal(serviceKey(), JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM, false, plaintext);
    }

    /** Bytes sealed as they are, whatever they hold. */
    public static String seal(RSAKey key, byte[] plaintext) {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID(key.getKeyID()).build(), new Payload(plaintext));
        try {
            jwe.encrypt(new RSAEncrypter(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwe.serialize();
    }

    public static String seal(RSAKey key, JWEAlgorithm algorithm, EncryptionMethod encryption, boolean zip,
            String plaintext) {
        JWEHeader.Builder header = new JWEHeader.Builder(algorithm, encryption).keyID(key.getKeyID());
        if (zip) {
            header.compressionAlgorithm(CompressionAlgorithm.DEF);
        }
        JWEObject jwe = new JWEObject(header.build(), new Payload(plaintext));
        try {
            jwe.encrypt(new RSAEncrypter(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwe.serialize();
    }
}
