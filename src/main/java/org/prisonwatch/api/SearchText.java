package org.prisonwatch.api;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.prisonwatch.burmese.Zawgyi;

/**
 * The text that free-text search (q) matches: Zawgyi converted to Unicode, NFC-normalised and lower-cased, so that
 * Burmese typed in either encoding and English all match. A query is a substring of it (PostgreSQL answers from a
 * trigram index): character n-grams, never word breaks, which split Burmese prison names.
 */
public final class SearchText {

    private SearchText() {
    }

    public static String normalize(String text) {
        return normalizeAsTyped(Zawgyi.toUnicode(text));
    }

    /** Without converting Zawgyi: how records written before it was converted hold their text. */
    static String normalizeAsTyped(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Joins the searchable fields of a record, one per line, so a match never spans two fields. */
    public static String of(Stream<String> fields) {
        return fields.filter(Objects::nonNull).map(SearchText::normalize).collect(Collectors.joining("\n"));
    }
}
