package org.prisonwatch.armedinmate;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;
import org.prisonwatch.caserecord.JsonListColumn;

/** A report's InmateCategory list as one JSON array of names in its row. */
@Converter
public class InmateCategoryListColumn extends JsonListColumn<InmateCategory> {

    public InmateCategoryListColumn() {
        super(new TypeReference<>() {
        });
    }
}
