package org.prisonwatch.storage;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Has PostgreSQL probe every connection of this instance, so that a transaction left by an instance whose host died
 * (a power cut, a lost network: no connection is closed) ends within about a minute, instead of after the kernel's
 * two hours. Such a transaction may hold an Idempotency-Key claim that a field app's retry waits for.
 */
@ApplicationScoped
public class PostgresSessionKeepalives implements AgroalPoolInterceptor {

    static final int IDLE_SECONDS = 30;
    static final int INTERVAL_SECONDS = 10;
    static final int PROBES = 3;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    @Override
    public void onConnectionCreate(Connection connection) {
        if (!"postgresql".equals(databaseKind)) {
            return;
        }
        try (Statement settings = connection.createStatement()) {
            settings.execute("set tcp_keepalives_idle = " + IDLE_SECONDS);
            settings.execute("set tcp_keepalives_interval = " + INTERVAL_SECONDS);
            settings.execute("set tcp_keepalives_count = " + PROBES);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set TCP keepalives on a PostgreSQL connection", e);
        }
    }
}
