package org.prisonwatch.change;

import java.util.Arrays;

/** The kinds of record the change feed carries, as clients name them in entity= and read them in entries. */
public enum ChangedEntity {
    PRISON("Prison"),
    SOURCE("Source"),
    INCIDENT("Incident"),
    ARMED_INMATE_REPORT("ArmedInmateReport"),
    CASUALTY("Casualty");

    /** How the audit log, the history and the feed's table name the kind. */
    private final String storedName;

    ChangedEntity(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }

    static ChangedEntity ofStoredName(String storedName) {
        return Arrays.stream(values()).filter(e -> e.storedName.equals(storedName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no feed name for " + storedName));
    }
}
