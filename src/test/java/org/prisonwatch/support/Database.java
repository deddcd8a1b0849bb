package org.prisonwatch.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Direct SQL for tests that assert what is (and is not) stored, beneath the API. */
@ApplicationScoped
public class Database {

    @Inject
    AgroalDataSource dataSource;

    /** Changes rows directly, beneath the API: for tests that tamper with what the service stored. */
    public int execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i] instanceof String s && s.length() == 36 ? UUID.fromString(s) : parameters[i];
            statement.setObject(i + 1, value);
        }
    }

    /** The first column of the first row, as text. */
    public String string(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a statement in a transaction that stays open until the returned handle is closed, which rolls it back:
     * what a request still running, or an instance killed mid-request, holds in the database.
     */
    public Uncommitted holdUncommitted(String sql, Object... parameters) {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                statement.executeUpdate();
            }
            return new Uncommitted(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An open transaction of a test; closing it rolls it back. */
    public record Uncommitted(Connection connection) implements AutoCloseable {

        @Override
        public void close() {
            try (connection) {
                connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
