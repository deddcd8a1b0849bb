package org.prisonwatch.caserecord;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;

/** A list of names (perpetrators, opposing forces) as one JSON array of strings in the record's row. */
@Converter
public class NameListColumn extends JsonListColumn<String> {

    public NameListColumn() {
        super(new TypeReference<>() {
        });
    }
}
