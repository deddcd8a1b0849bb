package org.prisonwatch.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Database;

@QuarkusTest
class PostgresSessionKeepalivesTest {

    @Inject
    Database database;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    @Test
    void everyPooledConnectionHasPostgresqlProbeItsPeer() {
        Assumptions.assumeTrue("postgresql".equals(databaseKind), "TCP keepalives are PostgreSQL settings");
        assertEquals(PostgresSessionKeepalives.IDLE_SECONDS,
                database.count("select cast(current_setting('tcp_keepalives_idle') as integer)"));
        assertEquals(PostgresSessionKeepalives.INTERVAL_SECONDS,
                database.count("select cast(current_setting('tcp_keepalives_interval') as integer)"));
        assertEquals(PostgresSessionKeepalives.PROBES,
                database.count("select cast(current_setting('tcp_keepalives_count') as integer)"));
    }
}
