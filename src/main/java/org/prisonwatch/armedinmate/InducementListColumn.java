package org.prisonwatch.armedinmate;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;
import org.prisonwatch.caserecord.JsonListColumn;

/** A report's Inducement list as one JSON array of names in its row. */
@Converter
public class InducementListColumn extends JsonListColumn<Inducement> {

    public InducementListColumn() {
        super(new TypeReference<>() {
        });
    }
}
