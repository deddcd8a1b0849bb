package org.prisonwatch.api;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The text that free-text search (q) matches: NFC-normalised and lower-cased, so Burmese and English both match. */
public final class SearchText {

    private SearchText() {
    }

    public static String normalize(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Joins the searchable fields of a record, one per line, so a match never spans two fields. */
    public static String of(Stream<String> fields) {
        return fields.filter(Objects::nonNull).map(SearchText::normalize).collect(Collectors.joining("\n"));
    }
}
