package org.prisonwatch.source;

import java.util.stream.Stream;
import org.prisonwatch.api.SearchText;
import org.prisonwatch.burmese.ZawgyiOriginals;
import org.prisonwatch.gate.Disclosure;

/** Moves source fields between the API records and the entity. */
final class SourceMapper {

    private SourceMapper() {
    }

    /** Contact details only reach callers the gate allows; others get a type without them. */
    static SourceResponse toView(Source s, Disclosure disclosure) {
        if (disclosure.identifying()) {
            return new SourceView(s.id, s.version, s.createdAt, s.updatedAt, s.name, s.kind, s.url, s.contact,
                    s.defaultReliability, s.confidentiality, ZawgyiOriginals.shown(s.zawgyiOriginals, true));
        }
        return new PublicSourceView(s.id, s.version, s.createdAt, s.updatedAt, s.name, s.kind, s.url,
                s.defaultReliability, s.confidentiality);
    }

    static SourceInput toInput(Source s) {
        return new SourceInput(s.name, s.kind, s.url, s.contact, s.defaultReliability, s.confidentiality);
    }

    static void apply(SourceInput in, Source s) {
        s.name = in.name();
        s.kind = in.kind();
        s.url = in.url();
        s.contact = in.contact();
        s.defaultReliability = in.defaultReliability();
        s.confidentiality = in.confidentiality();
        s.searchText = SearchText.of(Stream.of(s.name));
    }
}
