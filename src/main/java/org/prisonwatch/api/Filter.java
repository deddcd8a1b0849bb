package org.prisonwatch.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The where-clause of a list query, built from the filters the caller gave, with bound parameters only. */
public final class Filter {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds the clause when the value is present; the clause refers to the value as :name. */
    public Filter when(Object value, String name, String clause) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(name, value);
        }
        return this;
    }

    public Filter always(String clause) {
        clauses.add(clause);
        return this;
    }

    public Filter bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** A substring match on the lower-cased search_text column, with LIKE wildcards in the text escaped. */
    public Filter contains(String text, String column) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String escaped = SearchText.normalize(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return when("%" + escaped + "%", "q", column + " like :q escape '\\'");
    }

    public String where() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
