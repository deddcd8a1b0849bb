package org.prisonwatch.prison;

import java.util.List;
import org.prisonwatch.export.Cells;
import org.prisonwatch.export.CsvColumn;
import org.prisonwatch.export.ExportedList;
import org.prisonwatch.export.GeoPoint;

/** Prisons as CSV rows with their HXL hashtags. */
final class PrisonCsv {

    static final List<CsvColumn<PrisonView>> COLUMNS = List.of(
            new CsvColumn<>("id", "#loc+code", PrisonView::id),
            new CsvColumn<>("name", "#loc+name", PrisonView::name),
            new CsvColumn<>("nameMy", "#loc+name+i_my", PrisonView::nameMy),
            new CsvColumn<>("alternateNames", "#loc+name+alt", p -> Cells.list(p.alternateNames())),
            new CsvColumn<>("kind", "#loc+type", PrisonView::kind),
            new CsvColumn<>("stateRegion", "#adm1+name", PrisonView::stateRegion),
            new CsvColumn<>("stateRegionPcode", "#adm1+code", p -> PrisonPlace.stateRegionPcode(p.pcode())),
            new CsvColumn<>("township", "#adm3+name", PrisonView::township),
            new CsvColumn<>("townshipPcode", "#adm3+code", PrisonView::pcode),
            new CsvColumn<>("latitude", "#geo+lat", PrisonView::latitude),
            new CsvColumn<>("longitude", "#geo+lon", PrisonView::longitude),
            new CsvColumn<>("controlledBy", "#org+name+control", PrisonView::controlledBy),
            new CsvColumn<>("status", "#status", PrisonView::status),
            new CsvColumn<>("inConflictZone", "#indicator+conflict_zone", PrisonView::inConflictZone),
            new CsvColumn<>("estimatedPopulation", "#population", PrisonView::estimatedPopulation),
            new CsvColumn<>("notes", "#description", PrisonView::notes),
            new CsvColumn<>("version", "#meta+version", PrisonView::version),
            new CsvColumn<>("updatedAt", "#date+updated", PrisonView::updatedAt));

    private PrisonCsv() {
    }

    /** The prison list as a file, at each prison's coordinates. */
    static final ExportedList<PrisonView, PrisonView> EXPORTED = ExportedList.ofRecords("prisons", COLUMNS,
            prison -> GeoPoint.of(prison.latitude(), prison.longitude()));
}
