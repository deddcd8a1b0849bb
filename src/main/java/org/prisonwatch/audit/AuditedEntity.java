package org.prisonwatch.audit;

/**
 * The kinds of record, by the names the audit log, the version history and the change feed store for them. These
 * names are frozen: stored audit rows are never rewritten (rewriting rows is the tampering the chain exists to
 * catch), so a Java class may be renamed but its stored name may not.
 */
public enum AuditedEntity {
    PRISON("Prison"),
    SOURCE("Source"),
    INCIDENT("Incident"),
    ARMED_INMATE_REPORT("ArmedInmateReport"),
    CASUALTY("Casualty"),
    API_KEY("ApiKey"),
    WEBHOOK("Webhook");

    private final String storedName;

    AuditedEntity(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }
}
