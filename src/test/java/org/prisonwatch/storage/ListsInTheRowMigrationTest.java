package org.prisonwatch.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.prisonwatch.armedinmate.Inducement;
import org.prisonwatch.armedinmate.InducementListColumn;
import org.prisonwatch.armedinmate.InmateCategory;
import org.prisonwatch.armedinmate.InmateCategoryListColumn;
import org.prisonwatch.armedinmate.InmateRole;
import org.prisonwatch.armedinmate.InmateRoleListColumn;
import org.prisonwatch.caserecord.Citation;
import org.prisonwatch.caserecord.CitationListColumn;
import org.prisonwatch.caserecord.NameListColumn;
import org.prisonwatch.caserecord.Reliability;

/**
 * V19 moves lists out of their own tables into their record's row as JSON. Records written before it must read the
 * same after it: on a database of its own (H2: one in memory; PostgreSQL: a schema of its own in the test
 * database, dropped afterwards), the migrations up to V18 run, rows are written as the service wrote them then,
 * and V19 runs over them.
 */
@QuarkusTest
class ListsInTheRowMigrationTest {

    private static final String KIND = System.getenv().getOrDefault("PRISONWATCH_DB_KIND", "h2");
    private static final String SCHEMA = "upgrade_v19";

    private static final UUID SOURCE = UUID.fromString("01933ab4-7c56-7000-a8db-3e2b1c4d5e6f");
    private static final UUID INCIDENT = UUID.fromString("01933ab4-7c56-7000-a8db-000000000001");
    private static final UUID BARE_INCIDENT = UUID.fromString("01933ab4-7c56-7000-a8db-000000000002");
    private static final UUID PRISON = UUID.fromString("01933ab4-7c56-7000-a8db-000000000003");
    private static final UUID REPORT = UUID.fromString("01933ab4-7c56-7000-a8db-000000000004");
    private static final UUID CASUALTY = UUID.fromString("01933ab4-7c56-7000-a8db-000000000005");

    @Inject
    AgroalDataSource testDatabase;

    @Test
    void listsWrittenBeforeV19ReadTheSameAfterIt() throws SQLException {
        DataSource scratch = scratch();
        try {
            migrate(scratch, "18");
            try (Connection connection = scratch.getConnection()) {
                insert(connection, "insert into source (id, version, created_at, updated_at, name, confidentiality, "
                        + "search_text) values (?, 1, current_timestamp, current_timestamp, 'PPNM', 'PUBLIC', 'ppnm')",
                        SOURCE);
                for (UUID id : List.of(INCIDENT, BARE_INCIDENT)) {
                    insert(connection, "insert into incident (id, version, created_at, updated_at, incident_type, "
                            + "title, occurred_from, occurred_to, date_precision, verification_status, "
                            + "confidentiality, search_text) values (?, 1, current_timestamp, current_timestamp, "
                            + "'OTHER', 't', date '2025-06-01', date '2025-06-01', 'DAY', 'REPORTED', 'PUBLIC', 't')",
                            id);
                }
                // written out of position order, with the characters JSON must escape and Burmese script
                insert(connection, "insert into incident_perpetrator values (?, 1, 'Second \"quoted\" \\ name')",
                        INCIDENT);
                insert(connection, "insert into incident_perpetrator values (?, 0, 'မြန်မာ military')", INCIDENT);
                insert(connection, "insert into incident_opposing_force values (?, 0, 'KIA')", INCIDENT);
                insert(connection, "insert into incident_citation values (?, 1, ?, null, null, null, "
                        + "'https://example.org/b', null)", INCIDENT, SOURCE);
                insert(connection, "insert into incident_citation values (?, 0, ?, 'B', 2, date '2025-06-12', null, "
                        + "'forced to \"fight\"\nat Banmaw')", INCIDENT, SOURCE);
                // dates the API accepts in a citation and the databases write unlike ISO-8601 in JSON
                insert(connection, "insert into incident_citation values (?, 2, ?, null, null, ?, null, null)",
                        INCIDENT, SOURCE, LocalDate.of(10000, 1, 1));

                insert(connection, "insert into prison (id, version, created_at, updated_at, name, state_region, "
                        + "search_text) values (?, 1, current_timestamp, current_timestamp, 'Banmaw', 'Kachin', 'b')",
                        PRISON);
                insert(connection, "insert into prison_alternate_name values (?, 1, 'Banmaw Jail')", PRISON);
                insert(connection, "insert into prison_alternate_name values (?, 0, 'ဗန်းမော်')", PRISON);

                insert(connection, "insert into armed_inmate_report (id, version, created_at, updated_at, prison_id, "
                        + "reported_on, effective_from, effective_to, verification_status, confidentiality) values "
                        + "(?, 1, current_timestamp, current_timestamp, ?, date '2025-06-01', date '2025-06-01', "
                        + "date '2025-06-01', 'REPORTED', 'PUBLIC')", REPORT, PRISON);
                insert(connection, "insert into armed_inmate_report_category values (?, 'LONG_TERM_CRIMINAL')", REPORT);
                insert(connection, "insert into armed_inmate_report_category values (?, 'FORMER_SOLDIER')", REPORT);
                insert(connection, "insert into armed_inmate_report_inducement values (?, 'SENTENCE_REDUCTION')", REPORT);
                insert(connection, "insert into armed_inmate_report_inducement values (?, 'RANK_REINSTATEMENT')", REPORT);
                insert(connection, "insert into armed_inmate_report_role values (?, 'PRISON_SECURITY')", REPORT);
                insert(connection, "insert into armed_inmate_report_citation values (?, 0, ?, 'A', 1, null, null, "
                        + "'armed')", REPORT, SOURCE);

                insert(connection, "insert into casualty (id, version, created_at, updated_at, incident_id, outcome, "
                        + "casualty_group, verification_status, confidentiality) values (?, 1, current_timestamp, "
                        + "current_timestamp, ?, 'KILLED', 'ARMED_INMATE', 'REPORTED', 'PUBLIC')", CASUALTY, INCIDENT);
                insert(connection, "insert into casualty_citation values (?, 0, ?, 'C', 3, ?, null, null)",
                        CASUALTY, SOURCE, LocalDate.of(-43, 3, 15));
            }

            migrate(scratch, "19");

            try (Connection connection = scratch.getConnection()) {
                List<String> lists = row(connection, INCIDENT);
                assertEquals(List.of("မြန်မာ military", "Second \"quoted\" \\ name"),
                        new NameListColumn().convertToEntityAttribute(lists.get(0)));
                assertEquals(List.of("KIA"), new NameListColumn().convertToEntityAttribute(lists.get(1)));
                assertEquals(List.of(
                        new Citation(SOURCE, Reliability.B, 2, LocalDate.of(2025, 6, 12), null,
                                "forced to \"fight\"\nat Banmaw"),
                        new Citation(SOURCE, null, null, null, "https://example.org/b", null),
                        new Citation(SOURCE, null, null, LocalDate.of(10000, 1, 1), null, null)),
                        new CitationListColumn().convertToEntityAttribute(lists.get(2)));
                assertEquals(List.of("[]", "[]", "[]"), row(connection, BARE_INCIDENT));

                assertEquals(List.of("ဗန်းမော်", "Banmaw Jail"), new NameListColumn().convertToEntityAttribute(
                        value(connection, "select alternate_names from prison where id = ?", PRISON)));
                // sets come over alphabetically; the service lists them as the enum declares them
                assertEquals(List.of(InmateCategory.FORMER_SOLDIER, InmateCategory.LONG_TERM_CRIMINAL),
                        new InmateCategoryListColumn().convertToEntityAttribute(value(connection,
                                "select inmate_categories from armed_inmate_report where id = ?", REPORT)));
                assertEquals(List.of(Inducement.RANK_REINSTATEMENT, Inducement.SENTENCE_REDUCTION),
                        new InducementListColumn().convertToEntityAttribute(value(connection,
                                "select inducements from armed_inmate_report where id = ?", REPORT)));
                assertEquals(List.of(InmateRole.PRISON_SECURITY), new InmateRoleListColumn().convertToEntityAttribute(
                        value(connection, "select roles from armed_inmate_report where id = ?", REPORT)));
                assertEquals(List.of(new Citation(SOURCE, Reliability.A, 1, null, null, "armed")),
                        new CitationListColumn().convertToEntityAttribute(value(connection,
                                "select citations from armed_inmate_report where id = ?", REPORT)));
                assertEquals(List.of(new Citation(SOURCE, Reliability.C, 3, LocalDate.of(-43, 3, 15), null, null)),
                        new CitationListColumn().convertToEntityAttribute(
                                value(connection, "select citations from casualty where id = ?", CASUALTY)));
                assertEquals(2, count(connection, "select count(*) from armed_inmate_report_inducement"),
                        "a report's inducements stay as rows too: the inducement filter searches them");
                assertEquals(1, count(connection, "select count(*) from armed_inmate_report_role"));
                assertEquals(1, count(connection, "select count(*) from casualty_citation"));
                assertFalse(tableExists(connection, "prison_alternate_name"));
                assertFalse(tableExists(connection, "armed_inmate_report_category"));
                assertEquals(3, count(connection, "select count(*) from incident_citation"),
                        "the citation rows stay: their foreign keys hold the cited source");
                assertFalse(tableExists(connection, "incident_perpetrator"));
                assertFalse(tableExists(connection, "incident_opposing_force"));
            }
        } finally {
            dropScratch();
        }
    }

    /** H2: a database in memory. PostgreSQL: a schema of the test database (the test role may not create one). */
    private DataSource scratch() throws SQLException {
        if (KIND.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + SCHEMA + ";DB_CLOSE_DELAY=-1");
            return h2;
        }
        dropScratch();
        try (Connection connection = testDatabase.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema " + SCHEMA);
        }
        return testDatabase;
    }

    private void dropScratch() throws SQLException {
        if (KIND.equals("h2")) {
            try (Connection connection = scratch().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("drop all objects");
            }
            return;
        }
        try (Connection connection = testDatabase.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    private static void migrate(DataSource dataSource, String target) {
        var flyway = Flyway.configure(Thread.currentThread().getContextClassLoader()).dataSource(dataSource)
                .locations("filesystem:target/classes/db/migration/common", "filesystem:target/classes/db/migration/" + KIND)
                .target(target);
        if (!KIND.equals("h2")) {
            // Flyway puts the schema first on the search path and keeps the rest (pg_trgm's operators in public)
            flyway.schemas(SCHEMA);
        }
        flyway.load().migrate();
    }

    private static String value(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql.replaceFirst("from (\\w+)",
                "from " + qualified("$1")))) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<String> row(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select perpetrators, opposing_forces, citations from " + qualified("incident") + " where id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
    }

    private static void insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql.replaceFirst("into (\\w+)",
                "into " + qualified("$1")))) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            insert.executeUpdate();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql.replaceFirst("from (\\w+)", "from " + qualified("$1")))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        String schema = KIND.equals("h2") ? "PUBLIC" : SCHEMA;
        String name = KIND.equals("h2") ? table.toUpperCase(Locale.ROOT) : table;
        try (PreparedStatement select = connection.prepareStatement(
                "select count(*) from information_schema.tables where table_schema = ? and table_name = ?")) {
            select.setString(1, schema);
            select.setString(2, name);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static String qualified(String table) {
        return KIND.equals("h2") ? table : SCHEMA + "." + table;
    }
}
