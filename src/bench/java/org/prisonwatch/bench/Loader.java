package org.prisonwatch.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Loads a generated data set straight into the service's database with batched JDBC inserts, continuing the audit
 * chain the service started, and checks the result: that records the service itself wrote through the API are
 * stored exactly as the generator would store them (snapshot JSON, columns, feed row, audit entries), and that every
 * table holds the rows expected. The service must not be running against an embedded (H2) database meanwhile.
 */
final class Loader {

    /** A database to load into. */
    record Db(String kind, String url, String user, String password) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** For bulk inserts: PostgreSQL's driver then sends each batch as multi-row inserts. */
        Connection connectForLoading() throws SQLException {
            String loading = kind.equals("postgresql")
                    ? url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true" : url;
            return DriverManager.getConnection(loading, user, password);
        }
    }

    /** A record written through the API before the load, with what the generator made its input from. */
    record Sample(Kind kind, UUID id, ObjectNode input, UUID actor, List<String> auditActions) {
    }

    /** Rows per table before and after, and what the scenarios need. */
    record Result(Map<String, long[]> counts, Manifest manifest, long headSeq, double seconds, long liveReported,
            long partnerFeedRows, long staffFeedRows) {
    }

    private final Db db;
    private final ObjectMapper json;
    private final Consumer<String> progress;

    Loader(Db db, ObjectMapper json, Consumer<String> progress) {
        this.db = db;
        this.json = json;
        this.progress = progress;
    }

    Result load(Path keysDir, int incidents, Generator.Actors actors, long seed, List<Sample> samples)
            throws SQLException, IOException {
        long started = System.nanoTime();
        Schema schema = new Schema();
        List<String> counted = new ArrayList<>(schema.inInsertOrder.stream().map(t -> t.name).toList());
        counted.add("api_key");
        try (Connection connection = db.connectForLoading()) {
            connection.setAutoCommit(false);
            checkSamples(connection, schema, samples);
            Map<String, Long> before = counts(connection, counted);
            long headSeq;
            String headHash;
            try (Statement s = connection.createStatement();
                    ResultSet head = s.executeQuery("select seq, hash from audit_head where id = 1")) {
                head.next();
                headSeq = head.getLong(1);
                headHash = head.getString(2);
            }
            Long mark = single(connection, "select min(seq) from audit_entry where action = 'CHAIN_KEYED'");
            if (mark == null) {
                throw new IllegalStateException("the audit chain has no keyed-hashing mark: start the service "
                        + "once against this database before loading");
            }
            AuditChain chain = new AuditChain(hmacKey(keysDir), headSeq, headHash);
            Manifest manifest = new Manifest();
            Generator generator = new Generator(json, schema, chain, actors, seed, incidents, Instant.now(),
                    manifest);
            int[] blocks = {0};
            long[] lastReport = {System.nanoTime()};
            generator.run(() -> {
                blocks[0]++;
                try {
                    if (schema.pending() >= 20_000) {
                        schema.flush(connection);
                        connection.commit();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                if (System.nanoTime() - lastReport[0] > 10_000_000_000L) {
                    lastReport[0] = System.nanoTime();
                    progress.accept(String.format("loaded %,d of %,d incidents (%.0f s)", blocks[0], incidents,
                            (System.nanoTime() - started) / 1e9));
                }
            });
            schema.flush(connection);
            try (PreparedStatement update = connection.prepareStatement(
                    "update audit_head set seq = ?, hash = ? where id = 1")) {
                update.setLong(1, chain.seq());
                update.setString(2, chain.hash());
                update.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                // what autovacuum (PostgreSQL) or a later restart would do anyway: plans from real statistics
                s.execute("analyze");
            }
            Map<String, Long> after = counts(connection, counted);
            Map<String, Long> added = schema.added();
            Map<String, long[]> table = new LinkedHashMap<>();
            List<String> wrong = new ArrayList<>();
            for (String name : counted) {
                long expected = before.get(name) + added.getOrDefault(name, 0L);
                table.put(name, new long[] {before.get(name), expected, after.get(name)});
                if (expected != after.get(name)) {
                    wrong.add(name + ": expected " + expected + ", found " + after.get(name));
                }
            }
            if (!wrong.isEmpty()) {
                throw new IllegalStateException("row counts after the load are wrong: " + wrong);
            }
            UUID partner = actors.partners().get(0);
            long liveReported = single(connection, "select count(*) from incident where deleted_at is null "
                    + "and verification_status = 'REPORTED'");
            long partnerRows;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from record_change "
                    + "where ever_shared = true or submitted_by = ?")) {
                count.setObject(1, partner);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    partnerRows = rs.getLong(1);
                }
            }
            long staffRows = single(connection, "select count(*) from record_change");
            return new Result(table, manifest, chain.seq(), (System.nanoTime() - started) / 1e9, liveReported,
                    partnerRows, staffRows);
        }
    }

    /**
     * The records the service wrote through the API must be stored exactly as the generator stores its own: the
     * same snapshot text, the same columns in every table, the same feed row and the same audit entries. So a
     * change in the service's storage shows here before it can make the data set unlike what the API leaves.
     */
    private void checkSamples(Connection connection, Schema schema, List<Sample> samples) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (Sample sample : samples) {
            String what = sample.kind().stored + " " + sample.id();
            String expectedSnapshot = snapshot(sample.input());
            String storedSnapshot = text(connection, "select snapshot from record_version where entity = ? "
                    + "and entity_id = ? and version = 1", sample.kind().stored, sample.id());
            if (!expectedSnapshot.equals(storedSnapshot)) {
                problems.add(what + " snapshot:\n  service:   " + storedSnapshot + "\n  generator: "
                        + expectedSnapshot);
            }
            List<String> actions = strings(connection, "select action from audit_entry where entity_id = ? "
                    + "order by seq", sample.id());
            if (!actions.equals(sample.auditActions())) {
                problems.add(what + " audit entries: service " + actions + ", generator " + sample.auditActions());
            }
            Generated expected = new Generated(sample.kind(), sample.id(),
                    sample.kind() == Kind.PRISON ? null : sample.actor(), Instant.EPOCH, sample.input());
            for (Map.Entry<Table, List<Object[]>> rows : schema.rowsOf(expected).entrySet()) {
                Table table = rows.getKey();
                List<String> want = new ArrayList<>(rows.getValue().stream().map(Loader::normalized).toList());
                List<String> have = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("select "
                        + String.join(", ", table.columns) + " from " + table.name + " where "
                        + table.columns.get(0) + " = ?")) {
                    select.setObject(1, sample.id());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            Object[] row = new Object[table.columns.size()];
                            for (int i = 0; i < row.length; i++) {
                                row[i] = rs.getObject(i + 1);
                            }
                            have.add(normalized(row));
                        }
                    }
                }
                Collections.sort(want);
                Collections.sort(have);
                if (!want.equals(have)) {
                    problems.add(what + " rows of " + table.name + ":\n  service:   " + have + "\n  generator: "
                            + want);
                }
            }
            Long createSeq = single(connection, "select seq from audit_entry where entity_id = '" + sample.id()
                    + "' and action = 'CREATE'");
            FeedRow feed = new FeedRow();
            feed.moved(createSeq, false, expected.confidentiality());
            String want = normalized(new Object[] {sample.id(), sample.kind().stored, feed.seq, expected.submittedBy,
                feed.everPublic, feed.everShared, feed.publicSeq, feed.sharedSeq, feed.lastPublic, feed.lastShared});
            String have = text(connection, "select " + String.join(" || '|' || ", List.of("cast(entity_id as varchar)",
                    "entity", "cast(seq as varchar)", "coalesce(cast(submitted_by as varchar), 'null')",
                    "cast(ever_public as varchar)", "cast(ever_shared as varchar)", "cast(public_seq as varchar)",
                    "cast(shared_seq as varchar)", "cast(last_public as varchar)", "cast(last_shared as varchar)"))
                    + " from record_change where entity_id = ?", sample.id());
            if (!want.equalsIgnoreCase(have)) {
                problems.add(what + " feed row: service " + have + ", generator " + want);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the generator no longer stores records as the service does:\n"
                    + String.join("\n", problems));
        }
        progress.accept("the " + samples.size() + " records written through the API are stored exactly as the "
                + "generator stores its own (snapshots, columns, feed rows, audit entries)");
    }

    private static String normalized(Object[] row) {
        List<String> values = new ArrayList<>();
        for (Object value : row) {
            values.add(normalized(value));
        }
        return String.join("|", values);
    }

    private static String normalized(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof java.sql.Timestamp) {
            return "<time>";
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof BigDecimal && ((BigDecimal) value).scale() == 0) {
            return Long.toString(((Number) value).longValue());
        }
        return value.toString();
    }

    private String snapshot(ObjectNode input) {
        try {
            return json.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmacKey(Path keysDir) throws IOException {
        Path file = keysDir.resolve("audit-chain-hmac.key");
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    private static Map<String, Long> counts(Connection connection, List<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, single(connection, "select count(*) from " + table));
        }
        return counts;
    }

    static Long single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? null : value;
        }
    }

    private static String text(Connection connection, String sql, Object... parameters) throws SQLException {
        List<String> values = strings(connection, sql, parameters);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> strings(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
