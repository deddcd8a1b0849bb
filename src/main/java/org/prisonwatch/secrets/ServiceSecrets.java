package org.prisonwatch.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Secrets the service needs and the database must not hold (whoever can write the database must not be able to
 * forge what they protect): each is a file in one keys directory, readable by the service's user only. A missing
 * file is created on first use with fresh random bytes, so a new embedded deployment needs no setup; several
 * instances share secrets by sharing the directory (a mounted volume or secret store).
 */
@ApplicationScoped
public class ServiceSecrets {

    private static final Logger LOG = Logger.getLogger(ServiceSecrets.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    public ServiceSecrets(@ConfigProperty(name = "prisonwatch.keys-dir") String directory) {
        this.directory = Path.of(directory).toAbsolutePath().normalize();
    }

    /** The directory the secrets live in. */
    public Path directory() {
        return directory;
    }

    /**
     * The named secret of the given length, created on first use. The same name always gives the same bytes, on
     * every instance that shares the directory and across restarts.
     */
    public byte[] secret(String name, int length) {
        byte[] secret = loaded.computeIfAbsent(name, n -> readOrCreate(n, length));
        if (secret.length != length) {
            throw new IllegalStateException("The secret " + file(name) + " holds " + secret.length
                    + " bytes; " + length + " are needed");
        }
        return secret.clone();
    }

    /** The file a named secret lives in; for secrets of other formats (a key pair) kept beside these. */
    public Path file(String name) {
        if (!name.matches("[a-z0-9-]{1,64}(\\.[a-z0-9]{1,8})?")) {
            throw new IllegalArgumentException("not a secret name: " + name);
        }
        return directory.resolve(name.contains(".") ? name : name + ".key");
    }

    /** Writes text to a new owner-only file, or leaves an existing one alone; returns whether it wrote. */
    public boolean createOwnerOnly(Path file, String text) {
        Path draft = null;
        try {
            ensureDirectory();
            if (Files.exists(file)) {
                return false;
            }
            // written in full under another name, then linked into place: an instance starting beside this one
            // sees either no file or the whole file, never an empty one, and only one of them wins
            draft = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".new",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(draft, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.createLink(file, draft);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the secret file " + file, e);
        } finally {
            if (draft != null) {
                try {
                    Files.deleteIfExists(draft);
                } catch (IOException e) {
                    LOG.warnf("Could not remove the draft %s", draft);
                }
            }
        }
    }

    private byte[] readOrCreate(String name, int length) {
        Path file = file(name);
        byte[] fresh = new byte[length];
        RANDOM.nextBytes(fresh);
        if (createOwnerOnly(file, Base64.getEncoder().encodeToString(fresh) + "\n")) {
            LOG.infof("Created the secret %s (keep a copy off this machine; every instance needs the same file)",
                    file);
        }
        try {
            // whichever instance created the file first, everyone reads the same bytes
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secret file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The secret file " + file + " is not base64", e);
        }
    }

    private void ensureDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        }
    }
}
