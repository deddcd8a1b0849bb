package org.prisonwatch.armedinmate;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;
import org.prisonwatch.caserecord.JsonListColumn;

/** A report's InmateRole list as one JSON array of names in its row. */
@Converter
public class InmateRoleListColumn extends JsonListColumn<InmateRole> {

    public InmateRoleListColumn() {
        super(new TypeReference<>() {
        });
    }
}
