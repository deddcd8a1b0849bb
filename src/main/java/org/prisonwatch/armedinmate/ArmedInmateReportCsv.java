package org.prisonwatch.armedinmate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.prisonwatch.caserecord.Count;
import org.prisonwatch.export.Cells;
import org.prisonwatch.export.CsvColumn;
import org.prisonwatch.export.ExportedList;
import org.prisonwatch.prison.PrisonPlace;
import org.prisonwatch.prison.PrisonPlaces;

/** Armed-inmate reports as export rows (CSV with HXL hashtags; GeoJSON at their prison). */
@ApplicationScoped
public class ArmedInmateReportCsv {

    /** A report as rendered for the caller, with its prison's place. */
    record Row(ArmedInmateReportView report, PrisonPlace place) {

        Object armed(Function<Count, Integer> bound) {
            return report.inmatesArmed() == null ? null : bound.apply(report.inmatesArmed());
        }

        Object prison(Function<PrisonPlace, Object> field) {
            return place == null ? null : field.apply(place);
        }
    }

    static final List<CsvColumn<Row>> COLUMNS = List.of(
            new CsvColumn<>("id", "#meta+id", r -> r.report().id()),
            new CsvColumn<>("incidentId", "#event+code", r -> r.report().incidentId()),
            new CsvColumn<>("reportedOn", "#date+reported", r -> r.report().reportedOn()),
            new CsvColumn<>("periodFrom", "#date+start", r -> r.report().periodFrom()),
            new CsvColumn<>("periodTo", "#date+end", r -> r.report().periodTo()),
            new CsvColumn<>("stateRegion", "#adm1+name", r -> r.prison(PrisonPlace::stateRegion)),
            new CsvColumn<>("stateRegionPcode", "#adm1+code", r -> r.prison(PrisonPlace::stateRegionPcode)),
            new CsvColumn<>("township", "#adm3+name", r -> r.prison(PrisonPlace::township)),
            new CsvColumn<>("townshipPcode", "#adm3+code", r -> r.prison(PrisonPlace::pcode)),
            new CsvColumn<>("prisonId", "#loc+code", r -> r.report().prisonId()),
            new CsvColumn<>("prison", "#loc+name", r -> r.prison(PrisonPlace::name)),
            new CsvColumn<>("latitude", "#geo+lat", r -> r.prison(PrisonPlace::latitude)),
            new CsvColumn<>("longitude", "#geo+lon", r -> r.prison(PrisonPlace::longitude)),
            new CsvColumn<>("inmatesArmed", "#inmates+armed", r -> r.armed(Count::best)),
            new CsvColumn<>("inmatesArmedMin", "#inmates+armed+min", r -> r.armed(Count::min)),
            new CsvColumn<>("inmatesArmedMax", "#inmates+armed+max", r -> r.armed(Count::max)),
            new CsvColumn<>("inmateCategories", "#inmates+type", r -> Cells.list(r.report().inmateCategories())),
            new CsvColumn<>("inducements", "#inmates+inducement", r -> Cells.list(r.report().inducements())),
            new CsvColumn<>("roles", "#inmates+role", r -> Cells.list(r.report().roles())),
            new CsvColumn<>("coercion", "#inmates+coercion", r -> r.report().coercion()),
            new CsvColumn<>("usedInCombat", "#indicator+combat", r -> r.report().usedInCombat()),
            new CsvColumn<>("verificationStatus", "#status", r -> r.report().verificationStatus()),
            new CsvColumn<>("confidentiality", "#meta+confidentiality", r -> r.report().confidentiality()),
            new CsvColumn<>("sourceIds", "#meta+source", r -> Cells.sourceIds(r.report().citations())),
            new CsvColumn<>("notes", "#description", r -> r.report().notes()),
            new CsvColumn<>("externalRef", "#meta+ref", r -> r.report().externalRef()),
            new CsvColumn<>("version", "#meta+version", r -> r.report().version()),
            new CsvColumn<>("updatedAt", "#date+updated", r -> r.report().updatedAt()));

    @Inject
    PrisonPlaces places;

    /** The report list as a file: a report is placed at its prison. */
    ExportedList<ArmedInmateReportView, Row> exported() {
        return new ExportedList<>("armed-inmate-reports", COLUMNS, this::rows,
                row -> PrisonPlace.pointOf(row.place()), Row::report);
    }

    List<Row> rows(List<ArmedInmateReportView> page) {
        Map<UUID, PrisonPlace> prisons = places.of(page.stream().map(ArmedInmateReportView::prisonId).toList());
        return page.stream().map(report -> new Row(report, prisons.get(report.prisonId()))).toList();
    }
}
