package org.prisonwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tables the loader fills (as migrations V1 to V19 leave them), in an order that satisfies their foreign keys, and how a
 * record's editable fields become their rows: the same columns each collection's mapper (apply) sets, including
 * derived ones (search_text, a report's effective period).
 */
final class Schema {

    final Table prison = new Table("prison", "id", "version", "created_at", "updated_at", "deleted_at", "name",
            "name_my", "kind", "state_region", "township", "pcode", "latitude", "longitude", "controlled_by", "status",
            "in_conflict_zone", "estimated_population", "notes", "search_text", "alternate_names");
    final Table source = new Table("source", "id", "version", "created_at", "updated_at", "deleted_at", "name", "kind",
            "url", "contact", "default_reliability", "confidentiality", "search_text", "submitted_by");
    final Table incident = new Table("incident", "id", "version", "created_at", "updated_at", "deleted_at",
            "incident_type", "title", "description", "prison_id", "location_name", "latitude", "longitude",
            "occurred_from", "occurred_to", "date_precision", "reported_on", "people_affected_min",
            "people_affected_best", "people_affected_max", "verification_status", "confidentiality", "external_ref",
            "search_text", "submitted_by", "perpetrators", "opposing_forces", "citations");
    final Table incidentCitation = citationTable("incident_citation", "incident_id");
    final Table report = new Table("armed_inmate_report", "id", "version", "created_at", "updated_at", "deleted_at",
            "prison_id", "incident_id", "reported_on", "period_from", "period_to", "effective_from", "effective_to",
            "inmates_armed_min", "inmates_armed_best", "inmates_armed_max", "coercion", "used_in_combat",
            "verification_status", "confidentiality", "notes", "external_ref", "submitted_by", "inmate_categories",
            "inducements", "roles", "citations");
    final Table reportInducement = new Table("armed_inmate_report_inducement", "report_id", "inducement");
    final Table reportRole = new Table("armed_inmate_report_role", "report_id", "role");
    final Table reportCitation = citationTable("armed_inmate_report_citation", "report_id");
    final Table casualty = new Table("casualty", "id", "version", "created_at", "updated_at", "deleted_at",
            "incident_id", "outcome", "casualty_group", "count_min", "count_best", "count_max", "person_name",
            "person_prisoner_number", "person_age", "person_gender", "person_hometown", "occurred_on",
            "verification_status", "confidentiality", "notes", "external_ref", "submitted_by", "citations");
    final Table casualtyCitation = citationTable("casualty_citation", "casualty_id");
    final Table recordVersion = new Table("record_version", "id", "entity", "entity_id", "version", "recorded_at",
            "deleted", "snapshot");
    final Table recordChange = new Table("record_change", "entity_id", "entity", "seq", "submitted_by",
            "ever_public", "ever_shared", "public_seq", "shared_seq", "last_public", "last_shared");
    final Table auditEntry = new Table("audit_entry", "seq", "actor_key_id", "action", "entity", "entity_id",
            "record_version", "occurred_at", "previous_hash", "hash");

    /** Parents before children, so every foreign key finds its row. */
    final List<Table> inInsertOrder = List.of(prison, source, incident, incidentCitation, report, reportInducement, reportRole,
            reportCitation, casualty, casualtyCitation, recordVersion, recordChange, auditEntry);

    private static Table citationTable(String name, String owner) {
        return new Table(name, owner, "position", "source_id", "reliability", "credibility", "published_on", "url",
                "excerpt");
    }

    int pending() {
        return inInsertOrder.stream().mapToInt(Table::pending).sum();
    }

    void flush(Connection connection) throws SQLException {
        for (Table table : inInsertOrder) {
            table.flush(connection);
        }
    }

    /** Rows added per table, for the count check. */
    Map<String, Long> added() {
        Map<String, Long> added = new LinkedHashMap<>();
        inInsertOrder.forEach(table -> added.put(table.name, table.added()));
        return added;
    }

    /** The record's rows in its own tables, in its final state, and its row in the change feed. */
    void addFinal(Generated r) {
        rowsOf(r).forEach((table, rows) -> rows.forEach(table::add));
        FeedRow f = r.feed;
        recordChange.add(r.id, r.kind.stored, f.seq, r.submittedBy, f.everPublic, f.everShared, f.publicSeq,
                f.sharedSeq, f.lastPublic, f.lastShared);
    }

    /** What a record's state gives each of its tables, in the order the mapper would have the rows. */
    Map<Table, List<Object[]>> rowsOf(Generated r) {
        Map<Table, List<Object[]>> rows = new LinkedHashMap<>();
        ObjectNode in = r.input;
        switch (r.kind) {
            case PRISON -> {
                rows.put(prison, List.<Object[]>of(new Object[] {r.id, r.version, r.createdAt, r.updatedAt,
                        r.deletedAt, text(in, "name"), text(in, "nameMy"), text(in, "kind"), text(in, "stateRegion"),
                        text(in, "township"), text(in, "pcode"), dbl(in, "latitude"), dbl(in, "longitude"),
                        text(in, "controlledBy"), text(in, "status"), bool(in, "inConflictZone"),
                        integer(in, "estimatedPopulation"), text(in, "notes"),
                        searchText(Stream.concat(Stream.of(text(in, "name"), text(in, "nameMy")),
                                strings(in, "alternateNames").stream())), jsonArray(in, "alternateNames")}));
            }
            case SOURCE -> rows.put(source, List.<Object[]>of(new Object[] {r.id, r.version, r.createdAt,
                    r.updatedAt, r.deletedAt, text(in, "name"), text(in, "kind"), text(in, "url"), text(in, "contact"),
                    text(in, "defaultReliability"), text(in, "confidentiality"),
                    searchText(Stream.of(text(in, "name"))), r.submittedBy}));
            case INCIDENT -> {
                JsonNode people = in.path("peopleAffected");
                rows.put(incident, List.<Object[]>of(new Object[] {r.id, r.version, r.createdAt, r.updatedAt,
                        r.deletedAt, text(in, "type"), text(in, "title"), text(in, "description"),
                        uuid(in, "prisonId"), text(in, "locationName"), dbl(in, "latitude"), dbl(in, "longitude"),
                        date(in, "occurredFrom"), date(in, "occurredTo"), text(in, "datePrecision"),
                        date(in, "reportedOn"), integer(people, "min"), integer(people, "best"),
                        integer(people, "max"), text(in, "verificationStatus"), text(in, "confidentiality"),
                        text(in, "externalRef"),
                        searchText(Stream.of(Stream.of(text(in, "title"), text(in, "description"),
                                text(in, "locationName")), strings(in, "perpetrators").stream(),
                                strings(in, "opposingForces").stream()).flatMap(s -> s)),
                        r.submittedBy, jsonArray(in, "perpetrators"), jsonArray(in, "opposingForces"),
                        jsonArray(in, "citations")}));
                rows.put(incidentCitation, citations(r.id, in));
            }
            case ARMED_INMATE_REPORT -> {
                JsonNode armed = in.path("inmatesArmed");
                LocalDate reportedOn = date(in, "reportedOn");
                LocalDate periodFrom = date(in, "periodFrom");
                LocalDate periodTo = date(in, "periodTo");
                LocalDate effectiveFrom = periodFrom != null ? periodFrom : reportedOn;
                LocalDate effectiveTo = periodTo != null ? periodTo : periodFrom != null ? periodFrom : reportedOn;
                rows.put(report, List.<Object[]>of(new Object[] {r.id, r.version, r.createdAt, r.updatedAt,
                        r.deletedAt, uuid(in, "prisonId"), uuid(in, "incidentId"), reportedOn, periodFrom, periodTo,
                        effectiveFrom, effectiveTo, integer(armed, "min"), integer(armed, "best"),
                        integer(armed, "max"), text(in, "coercion"), bool(in, "usedInCombat"),
                        text(in, "verificationStatus"), text(in, "confidentiality"), text(in, "notes"),
                        text(in, "externalRef"), r.submittedBy, jsonArray(in, "inmateCategories"),
                        jsonArray(in, "inducements"), jsonArray(in, "roles"), jsonArray(in, "citations")}));
                rows.put(reportInducement, members(r.id, strings(in, "inducements")));
                rows.put(reportRole, members(r.id, strings(in, "roles")));
                rows.put(reportCitation, citations(r.id, in));
            }
            case CASUALTY -> {
                JsonNode count = in.path("count");
                JsonNode person = in.path("person");
                rows.put(casualty, List.<Object[]>of(new Object[] {r.id, r.version, r.createdAt, r.updatedAt,
                        r.deletedAt, uuid(in, "incidentId"), text(in, "outcome"), text(in, "group"),
                        integer(count, "min"), integer(count, "best"), integer(count, "max"), text(person, "name"),
                        text(person, "prisonerNumber"), integer(person, "age"), text(person, "gender"),
                        text(person, "hometown"), date(in, "occurredOn"), text(in, "verificationStatus"),
                        text(in, "confidentiality"), text(in, "notes"), text(in, "externalRef"), r.submittedBy,
                        jsonArray(in, "citations")}));
                rows.put(casualtyCitation, citations(r.id, in));
            }
            default -> throw new IllegalStateException(r.kind.name());
        }
        return rows;
    }

    /** api.SearchText: each field stripped, NFC-normalised and lower-cased, one per line. */
    static String searchText(Stream<String> fields) {
        return fields.filter(Objects::nonNull)
                .map(f -> Normalizer.normalize(f.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    /**
     * A list as the service keeps it in its record's row (V19): one JSON array, empty when absent, its objects
     * without null fields.
     */
    private static String jsonArray(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "[]";
        }
        JsonNode copy = value.deepCopy();
        copy.forEach(element -> {
            if (element instanceof ObjectNode object) {
                object.properties().removeIf(property -> property.getValue().isNull());
            }
        });
        return copy.toString();
    }

    private static List<Object[]> members(UUID owner, List<String> values) {
        return values.stream().map(v -> new Object[] {owner, v}).toList();
    }

    private static List<Object[]> citations(UUID owner, ObjectNode in) {
        List<Object[]> rows = new ArrayList<>();
        int position = 0;
        for (JsonNode c : in.path("citations")) {
            rows.add(new Object[] {owner, position++, uuid(c, "sourceId"), text(c, "reliability"),
                    integer(c, "credibility"), date(c, "publishedOn"), text(c, "url"), text(c, "excerpt")});
        }
        return rows;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID uuid(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : UUID.fromString(value);
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value);
    }

    private static Double dbl(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asDouble();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }
}
