package org.prisonwatch.storage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Once the embedded database is open (migrations ran before this event), makes the files H2 created owner-only:
 * they were made with the process's umask, inside a directory only the owner can enter.
 */
@Singleton
public class DataDirectoryPermissions {

    private static final Logger LOG = Logger.getLogger(DataDirectoryPermissions.class);

    void secure(@Observes StartupEvent started,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = EmbeddedDatabaseConfigSource.DIRECTORY) String directory) {
        if (url.startsWith("jdbc:h2:file:" + directory)) {
            OwnerOnlyFiles.secure(Path.of(directory));
            LOG.infof("Embedded database in %s, readable by this user only%s", directory,
                    url.contains("CIPHER=AES") ? ", encrypted with the file key" : " (not encrypted: see the "
                            + "README, Encryption at rest)");
        }
    }
}
