package org.prisonwatch.change;

import java.util.Arrays;
import org.prisonwatch.audit.AuditedEntity;

/** The kinds of record the change feed carries, as clients name them in entity= and read them in entries. */
public enum ChangedEntity {
    PRISON(AuditedEntity.PRISON),
    SOURCE(AuditedEntity.SOURCE),
    INCIDENT(AuditedEntity.INCIDENT),
    ARMED_INMATE_REPORT(AuditedEntity.ARMED_INMATE_REPORT),
    CASUALTY(AuditedEntity.CASUALTY);

    /** How the audit log, the history and the feed's table name the kind. */
    private final AuditedEntity stored;

    ChangedEntity(AuditedEntity stored) {
        this.stored = stored;
    }

    public String storedName() {
        return stored.storedName();
    }

    public static ChangedEntity ofStoredName(String storedName) {
        return Arrays.stream(values()).filter(e -> e.storedName().equals(storedName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no feed name for " + storedName));
    }
}
