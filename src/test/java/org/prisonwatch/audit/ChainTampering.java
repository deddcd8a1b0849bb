package org.prisonwatch.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What an attacker with write access to the database does to the audit chain, done beneath the API, and undone
 * afterwards. Each change runs in one transaction holding the head row's lock, as the service's own appenders do,
 * so no write lands in the middle of it; undoing checks that none landed on the tampered chain meanwhile.
 */
@ApplicationScoped
public class ChainTampering {

    @Inject
    AgroalDataSource dataSource;

    /** One stored audit row, every column. */
    record Row(long seq, UUID actorKeyId, String action, String entity, UUID entityId, Integer recordVersion,
            OffsetDateTime occurredAt, String previousHash, String hash) {

        /** The text the service hashes, as its source shows it. */
        String hashInput() {
            return seq + "|" + actorKeyId + "|" + action + "|" + entity + "|" + entityId + "|" + recordVersion + "|"
                    + occurredAt.toInstant() + "|" + previousHash;
        }
    }

    /** Puts the chain back as it was. */
    interface Undo extends AutoCloseable {
        @Override
        void close();
    }

    /** Deletes every entry after {@code keep} and moves the head back to entry {@code keep}, consistently. */
    Undo truncateTo(long keep) {
        return inTransaction(connection -> {
            Row head = lockHead(connection);
            List<Row> removed = rows(connection, keep + 1);
            String keptHash = rows(connection, keep).get(0).hash();
            update(connection, "delete from audit_entry where seq > ?", keep);
            update(connection, "update audit_head set seq = ?, hash = ? where id = 1", keep, keptHash);
            return () -> inTransaction(undo -> {
                expectHead(undo, keep, keptHash);
                for (Row row : removed) {
                    update(undo, "insert into audit_entry (seq, actor_key_id, action, entity, entity_id, "
                            + "record_version, occurred_at, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            row.seq(), row.actorKeyId(), row.action(), row.entity(), row.entityId(),
                            row.recordVersion(), row.occurredAt(), row.previousHash(), row.hash());
                }
                update(undo, "update audit_head set seq = ?, hash = ? where id = 1", head.seq(), head.hash());
                return null;
            });
        });
    }

    /**
     * Sets entry {@code seq}'s action, then gives it and every later entry the plain SHA-256 hash of its content and
     * its new predecessor, and points the head at the new last hash: a chain that links and hashes consistently to
     * anyone without the service's HMAC key.
     */
    Undo rewriteAndRehash(long seq, String action) {
        return inTransaction(connection -> {
            Row head = lockHead(connection);
            List<Row> original = rows(connection, seq);
            String previous = original.get(0).previousHash();
            for (Row row : original) {
                Row forged = new Row(row.seq(), row.actorKeyId(), row.seq() == seq ? action : row.action(),
                        row.entity(), row.entityId(), row.recordVersion(), row.occurredAt(), previous, null);
                previous = sha256(forged.hashInput());
                update(connection, "update audit_entry set action = ?, previous_hash = ?, hash = ? where seq = ?",
                        forged.action(), forged.previousHash(), previous, row.seq());
            }
            update(connection, "update audit_head set hash = ? where id = 1", previous);
            String forgedHead = previous;
            return () -> inTransaction(undo -> {
                expectHead(undo, head.seq(), forgedHead);
                for (Row row : original) {
                    update(undo, "update audit_entry set action = ?, previous_hash = ?, hash = ? where seq = ?",
                            row.action(), row.previousHash(), row.hash(), row.seq());
                }
                update(undo, "update audit_head set hash = ? where id = 1", head.hash());
                return null;
            });
        });
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The head as a row: its seq and hash. */
    private static Row lockHead(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select seq, hash from audit_head where id = 1 for update");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return new Row(result.getLong(1), null, null, null, null, null, null, null, result.getString(2));
        }
    }

    private static void expectHead(Connection connection, long seq, String hash) throws SQLException {
        Row head = lockHead(connection);
        if (head.seq() != seq || !head.hash().equals(hash)) {
            throw new IllegalStateException("A write landed on the tampered audit chain (head " + head.seq()
                    + "); it cannot be put back");
        }
    }

    private static List<Row> rows(Connection connection, long from) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select seq, actor_key_id, action, entity, "
                + "entity_id, record_version, occurred_at, previous_hash, hash from audit_entry where seq >= ? "
                + "order by seq")) {
            statement.setLong(1, from);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getObject(2, UUID.class), result.getString(3),
                            result.getString(4), result.getObject(5, UUID.class),
                            (Integer) result.getObject(6), result.getObject(7, OffsetDateTime.class),
                            result.getString(8), result.getString(9)));
                }
            }
        }
        return rows;
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
