package org.prisonwatch.bench;

/**
 * The kinds of record, by the frozen names the service stores for them (audit.AuditedEntity), their tables and
 * their collections in the API.
 */
enum Kind {
    PRISON("Prison", "prison", "/api/v1/prisons"),
    SOURCE("Source", "source", "/api/v1/sources"),
    INCIDENT("Incident", "incident", "/api/v1/incidents"),
    ARMED_INMATE_REPORT("ArmedInmateReport", "armed_inmate_report", "/api/v1/armed-inmate-reports"),
    CASUALTY("Casualty", "casualty", "/api/v1/casualties");

    final String stored;
    final String table;
    final String path;

    Kind(String stored, String table, String path) {
        this.stored = stored;
        this.table = table;
        this.path = path;
    }
}
