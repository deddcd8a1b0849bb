package org.prisonwatch.storage;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The embedded H2 database's JDBC URL and password, computed from PRISONWATCH_DATA_DIR and the file key. Reading
 * the URL makes the data directory owner-only first: it is read when the datasource is configured, which is
 * before the database file is opened or created, so there is no moment at which H2 writes into a directory others
 * can read. With a file key (PRISONWATCH_DB_FILE_KEY, or the file PRISONWATCH_DB_FILE_KEY_FILE names), the URL
 * asks for H2's AES file encryption and the password carries the key in front of the user's password, as H2 wants
 * it. The key lives only in the process's configuration, never beside the data.
 */
public class EmbeddedDatabaseConfigSource implements ConfigSourceFactory {

    /**
     * How long an H2 statement waits for a row lock (a writer behind the audit chain's lock, a twin's Idempotency-Key
     * claim) before it fails. The test profile's H2 URL uses the same figure.
     */
    public static final int LOCK_TIMEOUT_MILLIS = 10_000;

    static final String URL = "prisonwatch.embedded-db.url";
    static final String PASSWORD = "prisonwatch.embedded-db.password";
    static final String DIRECTORY = "prisonwatch.embedded-db.dir";
    private static final int MIN_KEY_LENGTH = 16;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Path directory = Path.of(value(context, "PRISONWATCH_DATA_DIR").orElse("./data")).toAbsolutePath()
                .normalize();
        String userPassword = value(context, "PRISONWATCH_DB_PASSWORD").orElse("");
        if (value(context, "PRISONWATCH_DB_URL").isPresent()) {
            // another database: its password is the user's alone
            return List.of(new Source(directory, userPassword, Optional.empty(), Optional.empty()));
        }
        Optional<String> key = value(context, "PRISONWATCH_DB_FILE_KEY");
        Optional<String> keyFile = value(context, "PRISONWATCH_DB_FILE_KEY_FILE");
        return List.of(new Source(directory, userPassword, key, keyFile));
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return Optional.ofNullable(value == null ? null : value.getValue()).map(String::strip)
                .filter(v -> !v.isEmpty());
    }

    static final class Source implements ConfigSource {

        private final Path directory;
        private final String userPassword;
        private final Optional<String> key;
        private final Optional<String> keyFile;

        Source(Path directory, String userPassword, Optional<String> key, Optional<String> keyFile) {
            this.directory = directory;
            this.userPassword = userPassword;
            this.key = key;
            this.keyFile = keyFile;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of(URL, PASSWORD, DIRECTORY);
        }

        @Override
        public Map<String, String> getProperties() {
            // listing the properties must not create directories: only reading the URL does
            return Map.of(DIRECTORY, directory.toString());
        }

        @Override
        public String getValue(String name) {
            return switch (name) {
                case URL -> url();
                case PASSWORD -> fileKey().map(k -> k + " " + userPassword).orElse(userPassword);
                case DIRECTORY -> directory.toString();
                default -> null;
            };
        }

        private String url() {
            OwnerOnlyFiles.secure(directory);
            // WRITE_DELAY=0: a commit is in the file when the response goes out. H2's default writes it up to half
            // a second later, and a process killed meanwhile (kill -9, an OOM exit) loses answered writes.
            // TRACE_LEVEL_FILE=0: on an error H2 would start prisonwatch.trace.db beside the database, with the
            // failing SQL and its values in clear, created under the process's umask after the directory was
            // made owner-only; errors reach the service's log through JDBC exceptions anyway.
            // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook runs beside Quarkus's and closed the database under
            // scheduled jobs still finishing (a stop logged failures); the pool's close at shutdown closes it last.
            return "jdbc:h2:file:" + directory.resolve("prisonwatch")
                    + ";LOCK_TIMEOUT=" + LOCK_TIMEOUT_MILLIS + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE"
                    + (fileKey().isPresent() ? ";CIPHER=AES" : "");
        }

        private Optional<String> fileKey() {
            Optional<String> found = key.isPresent() ? key : keyFile.map(this::read);
            found.ifPresent(k -> {
                if (k.length() < MIN_KEY_LENGTH || k.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalStateException("The database file key must be at least " + MIN_KEY_LENGTH
                            + " characters without spaces");
                }
            });
            return found;
        }

        private String read(String file) {
            Path path = Path.of(file).toAbsolutePath().normalize();
            if (path.startsWith(directory)) {
                throw new IllegalStateException("The database file key " + path + " is inside the data directory "
                        + directory + ": whoever copies the data would have the key too. Keep it elsewhere.");
            }
            try {
                return Files.readString(path, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the database file key " + path, e);
            }
        }

        @Override
        public int getOrdinal() {
            return 50;
        }

        @Override
        public String getName() {
            return "PrisonWatch embedded database";
        }
    }
}
