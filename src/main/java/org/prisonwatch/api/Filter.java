package org.prisonwatch.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prisonwatch.burmese.Zawgyi;

/** The where-clause of a list query, built from the filters the caller gave, with bound parameters only. */
public final class Filter {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /**
     * Adds the clause when the value is given; the clause refers to the value as :name. Text is compared as it is stored: Burmese typed in Zawgyi is converted
     * first (see {@link SearchText}).
     */
    public Filter when(Object value, String name, String clause) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(name, value instanceof String text ? Zawgyi.toUnicode(text) : value);
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

    /**
     * A substring match on the lower-cased search_text column, with LIKE wildcards in the text escaped. Text typed
     * in Zawgyi is looked for as converted and, for records written before Zawgyi was converted, as typed.
     */
    public Filter contains(String text, String column) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String stored = likePattern(SearchText.normalize(text));
        String typed = likePattern(SearchText.normalizeAsTyped(text));
        parameters.put("q", stored);
        if (typed.equals(stored)) {
            clauses.add(column + " like :q escape '\\'");
        } else {
            parameters.put("qAsTyped", typed);
            clauses.add("(" + column + " like :q escape '\\' or " + column + " like :qAsTyped escape '\\')");
        }
        return this;
    }

    private static String likePattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public String where() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
