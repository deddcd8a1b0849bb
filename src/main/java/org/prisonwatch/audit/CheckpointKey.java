package org.prisonwatch.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.prisonwatch.secrets.PemFiles;
import org.prisonwatch.secrets.ServiceSecrets;

/**
 * The Ed25519 key that signs audit checkpoints. It is never in the database, so whoever can rewrite the database
 * cannot sign a checkpoint over what they wrote. Configured as a PKCS#8 PEM file, or, with nothing configured,
 * made on first start in the keys directory with its public half beside it.
 */
@ApplicationScoped
public class CheckpointKey {

    static final String ALGORITHM = "Ed25519";
    static final String DEFAULT_FILE = "audit-checkpoint.pem";
    static final String PUBLIC_FILE = "audit-checkpoint-public.pem";
    private static final Logger LOG = Logger.getLogger(CheckpointKey.class);

    @Inject
    ServiceSecrets secrets;

    @ConfigProperty(name = "prisonwatch.audit.checkpoint-key-file")
    Optional<String> configuredFile;

    private volatile KeyPair pair;

    /** Loaded (or made) at start, so a bad key stops the service at once and a new one is logged before use. */
    void onStart(@Observes StartupEvent event) {
        keyPair();
    }

    byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keyPair().getPrivate());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the checkpoint key", e);
        }
    }

    boolean verifies(byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(keyPair().getPublic());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot verify with the checkpoint key", e);
        }
    }

    /** Base64 of the public key's DER (SubjectPublicKeyInfo): what openssl reads with -keyform DER. */
    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keyPair().getPublic().getEncoded());
    }

    /** SHA-256 of the public key's DER, hex: {@code openssl pkey -pubin -in public.pem -outform DER | sha256sum}. */
    String keyId() {
        return keyIdOf(keyPair());
    }

    private KeyPair keyPair() {
        KeyPair loaded = pair;
        if (loaded == null) {
            synchronized (this) {
                if (pair == null) {
                    pair = load();
                }
                loaded = pair;
            }
        }
        return loaded;
    }

    private KeyPair load() {
        Path file;
        if (configuredFile.isPresent() && !configuredFile.get().isBlank()) {
            file = Path.of(configuredFile.get()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("PRISONWATCH_AUDIT_CHECKPOINT_KEY_FILE names " + file
                        + ", which is not a file");
            }
        } else {
            file = secrets.file(DEFAULT_FILE);
            createIfAbsent(file);
        }
        warnIfOthersMayRead(file);
        KeyPair loaded = withPublicHalf(readPrivateKey(file));
        LOG.infof("Audit checkpoints are signed with the %s key %s (key id %s)", ALGORITHM, file, keyIdOf(loaded));
        return loaded;
    }

    private void createIfAbsent(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            KeyPair fresh = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            if (secrets.createOwnerOnly(file, PemFiles.pem("PRIVATE KEY", fresh.getPrivate().getEncoded()))) {
                Path publicFile = secrets.file(PUBLIC_FILE);
                Files.deleteIfExists(publicFile);
                secrets.createOwnerOnly(publicFile, PemFiles.pem("PUBLIC KEY", fresh.getPublic().getEncoded()));
                LOG.infof("Created the audit checkpoint key %s and its public half %s. Keep a copy of both off this "
                        + "machine: every instance needs the same key, and checkpoints signed with a lost key can no "
                        + "longer be checked by the service", file, publicFile);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make " + ALGORITHM + " keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey readPrivateKey(Path file) {
        byte[] der = PemFiles.privateKeyDer(file, "openssl genpkey -algorithm ed25519 -out " + file);
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not an " + ALGORITHM + " private key; make one with: "
                    + "openssl genpkey -algorithm ed25519 -out " + file, e);
        }
    }

    /**
     * The JDK cannot derive an Ed25519 public key from a private one directly, but its key pair generator takes
     * the private key's 32 bytes from the random source it is given: handing it the stored bytes rebuilds the
     * pair. A signature made and checked at load proves the halves belong together.
     */
    private static KeyPair withPublicHalf(PrivateKey privateKey) {
        try {
            byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the checkpoint key's bytes are not readable"));
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            KeyPair rebuilt = new KeyPair(generator.generateKeyPair().getPublic(), privateKey);
            byte[] probe = "prisonwatch checkpoint key probe".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(rebuilt.getPrivate());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(rebuilt.getPublic());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException("The audit checkpoint key's public half could not be rebuilt");
            }
            return rebuilt;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot use " + ALGORITHM + " keys", e);
        }
    }

    private static String keyIdOf(KeyPair pair) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void warnIfOthersMayRead(Path file) {
        try {
            var permissions = Files.getPosixFilePermissions(file);
            var others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
            others.retainAll(permissions);
            if (!others.isEmpty()) {
                LOG.warnf("The audit checkpoint key %s is readable by other users (%s): chmod 600 it", file,
                        others);
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debugf("Cannot read the permissions of %s", file);
        }
    }
}
