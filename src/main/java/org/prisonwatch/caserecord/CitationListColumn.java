package org.prisonwatch.caserecord;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;

/** A record's citations as one JSON array of {@link Citation} objects in its row. */
@Converter
public class CitationListColumn extends JsonListColumn<Citation> {

    public CitationListColumn() {
        super(new TypeReference<>() {
        });
    }
}
