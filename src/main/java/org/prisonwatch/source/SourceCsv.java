package org.prisonwatch.source;

import java.util.List;
import org.prisonwatch.export.CsvColumn;
import org.prisonwatch.export.ExportedList;

/** Sources as CSV rows with their HXL hashtags; the contact only where the gate rendered it. */
final class SourceCsv {

    static final List<CsvColumn<SourceResponse>> COLUMNS = List.of(
            new CsvColumn<>("id", "#meta+source+code", SourceResponse::id),
            new CsvColumn<>("name", "#meta+source", s -> s instanceof SourceView v ? v.name()
                    : ((PublicSourceView) s).name()),
            new CsvColumn<>("kind", "#meta+source+type", s -> s instanceof SourceView v ? v.kind()
                    : ((PublicSourceView) s).kind()),
            new CsvColumn<>("url", "#meta+url", s -> s instanceof SourceView v ? v.url()
                    : ((PublicSourceView) s).url()),
            new CsvColumn<>("contact", "#contact", s -> s instanceof SourceView v ? v.contact() : null),
            new CsvColumn<>("defaultReliability", "#meta+reliability", s -> s instanceof SourceView v
                    ? v.defaultReliability() : ((PublicSourceView) s).defaultReliability()),
            new CsvColumn<>("confidentiality", "#meta+confidentiality", s -> s instanceof SourceView v
                    ? v.confidentiality() : ((PublicSourceView) s).confidentiality()),
            new CsvColumn<>("version", "#meta+version", SourceResponse::version),
            new CsvColumn<>("updatedAt", "#date+updated", s -> s instanceof SourceView v ? v.updatedAt()
                    : ((PublicSourceView) s).updatedAt()));

    private SourceCsv() {
    }

    /** The source list as a file: sources have no place, so no GeoJSON. */
    static final ExportedList<SourceResponse, SourceResponse> EXPORTED = ExportedList.ofRecords("sources", COLUMNS,
            null);
}
