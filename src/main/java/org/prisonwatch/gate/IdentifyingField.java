package org.prisonwatch.gate;

import com.fasterxml.jackson.databind.JsonNode;
import org.prisonwatch.audit.AuditAction;
import org.prisonwatch.audit.AuditedEntity;

/** The fields of a response that identify a person, with how their reads and erasures are audited. */
public enum IdentifyingField {
    PERSON("person", AuditedEntity.CASUALTY, AuditAction.READ_PERSON, AuditAction.ERASE_PERSON),
    CONTACT("contact", AuditedEntity.SOURCE, AuditAction.READ_CONTACT, AuditAction.ERASE_CONTACT);

    private final String jsonName;
    private final AuditedEntity entity;
    private final AuditAction read;
    private final AuditAction erase;

    IdentifyingField(String jsonName, AuditedEntity entity, AuditAction read, AuditAction erase) {
        this.jsonName = jsonName;
        this.entity = entity;
        this.read = read;
        this.erase = erase;
    }

    /** The property's name in request and response bodies and in stored snapshots. */
    public String jsonName() {
        return jsonName;
    }

    public AuditedEntity entity() {
        return entity;
    }

    public AuditAction read() {
        return read;
    }

    public AuditAction erase() {
        return erase;
    }

    /** Whether a stored JSON body of this kind of record carries the field. */
    public boolean carriedBy(JsonNode body) {
        JsonNode value = body.get(jsonName);
        return value != null && !value.isNull();
    }
}
