package org.prisonwatch.export;

import java.util.List;
import org.prisonwatch.caserecord.Citation;

/** Cell values that several collections' exports share. */
public final class Cells {

    private Cells() {
    }

    /** The values of a list in one cell, separated by "; " (constants by name); empty or absent: no value. */
    public static String list(List<?> values) {
        return values == null || values.isEmpty() ? null : String.join("; ", values.stream()
                .map(value -> value instanceof Enum<?> constant ? constant.name() : String.valueOf(value)).toList());
    }

    /** The sources a record cites, each once, in citation order. */
    public static String sourceIds(List<Citation> citations) {
        return citations == null ? null : list(citations.stream().map(Citation::sourceId).distinct().toList());
    }
}
