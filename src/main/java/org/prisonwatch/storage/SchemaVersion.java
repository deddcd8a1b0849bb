package org.prisonwatch.storage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jboss.logging.Logger;

/** One startup line for what Flyway would say in twenty: which schema version the database is at. */
@Singleton
public class SchemaVersion {

    private static final Logger LOG = Logger.getLogger(SchemaVersion.class);

    void report(@Observes StartupEvent event, Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        LOG.infof("Database schema at version %s (%s)", current == null ? "none" : current.getVersion(),
                current == null ? "no migrations applied" : current.getDescription());
    }
}
