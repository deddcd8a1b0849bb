package org.prisonwatch.submission;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import org.jboss.logging.Logger;
import org.prisonwatch.api.ProblemException;
import org.prisonwatch.api.ProblemType;
import org.prisonwatch.secrets.PemFiles;
import org.prisonwatch.secrets.ServiceSecrets;

/**
 * The RSA key that submissions are sealed to on a reporter's phone, so that the phone cannot read back what waits
 * in its queue. Only its public half leaves the service. Made on first start in the keys directory; every instance
 * needs the same file, and items sealed to a lost key can never be opened.
 */
@Startup
@ApplicationScoped
public class SealingKey {

    static final String FILE = "report-sealing.pem";
    static final JWEAlgorithm ALGORITHM = JWEAlgorithm.RSA_OAEP_256;
    static final EncryptionMethod ENCRYPTION = EncryptionMethod.A256GCM;
    private static final int BITS = 3072;
    private static final String MAKE_ONE = "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out ";
    private static final Logger LOG = Logger.getLogger(SealingKey.class);

    @Inject
    ServiceSecrets secrets;

    private RSAPrivateCrtKey privateKey;
    private PublicSealingKey publicKey;

    @PostConstruct
    void load() {
        Path file = secrets.file(FILE);
        createIfAbsent(file);
        privateKey = read(file);
        try {
            RSAPublicKey rsaPublic = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey publicJwk = new RSAKey.Builder(rsaPublic).keyUse(KeyUse.ENCRYPTION).algorithm(ALGORITHM)
                    .keyIDFromThumbprint().build();
            publicKey = new PublicSealingKey(publicJwk.getKeyType().getValue(),
                    publicJwk.getModulus().toString(), publicJwk.getPublicExponent().toString(),
                    ALGORITHM.getName(), KeyUse.ENCRYPTION.identifier(), publicJwk.getKeyID());
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("The sealing key's public half could not be made from " + file, e);
        }
    }

    /** The public half as a JSON Web Key (RFC 7517), which WebCrypto imports as it is; made once, at start. */
    public PublicSealingKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return publicKey.kid();
    }

    /**
     * Opens a JWE (RFC 7516, compact) sealed to this key with RSA-OAEP-256 and A256GCM, and nothing else: a
     * weaker algorithm, compression (a small item that inflates without bound) or critical extensions are refused
     * before any decryption.
     */
    public byte[] open(String compact) {
        JWEObject sealed;
        try {
            sealed = JWEObject.parse(compact.strip());
        } catch (ParseException | IllegalArgumentException e) {
            throw unopenable("it is not a JWE in compact form (five base64url parts joined by dots)");
        }
        JWEHeader header = sealed.getHeader();
        if (!ALGORITHM.equals(header.getAlgorithm()) || !ENCRYPTION.equals(header.getEncryptionMethod())) {
            throw unopenable("it must be sealed with alg RSA-OAEP-256 and enc A256GCM");
        }
        if (header.getCompressionAlgorithm() != null || header.getCriticalParams() != null) {
            throw unopenable("it must be sealed without zip and without crit");
        }
        if (header.getKeyID() != null && !header.getKeyID().equals(keyId())) {
            throw unopenable("it is sealed to another key (kid " + header.getKeyID() + "); this service's key is "
                    + keyId() + " at " + SealedSubmissionResource.KEY_PATH);
        }
        try {
            sealed.decrypt(new RSADecrypter(privateKey));
        } catch (JOSEException | IllegalStateException e) {
            throw unopenable("it does not open with this service's key, or was changed after it was sealed");
        }
        return sealed.getPayload().toBytes();
    }

    private static ProblemException unopenable(String why) {
        return new ProblemException(ProblemType.UNOPENABLE_SEAL, "The sealed submission cannot be opened: " + why);
    }

    private void createIfAbsent(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            KeyPair fresh = generator.generateKeyPair();
            if (secrets.createOwnerOnly(file, PemFiles.pem("PRIVATE KEY", fresh.getPrivate().getEncoded()))) {
                LOG.infof("Created the sealing key %s for the reporters' page (keep a copy off this machine; every "
                        + "instance needs the same file, and what phones sealed to a lost key can never be opened)",
                        file);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make RSA keys", e);
        }
    }

    private static RSAPrivateCrtKey read(Path file) {
        byte[] der = PemFiles.privateKeyDer(file, MAKE_ONE + file);
        try {
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key
                    && key.getModulus().bitLength() >= 2048) {
                return key;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalStateException(file + " is not an RSA private key of at least 2048 bits; make one with: "
                + MAKE_ONE + file);
    }
}
