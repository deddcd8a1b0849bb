package org.prisonwatch.incident;

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
import org.prisonwatch.export.GeoPoint;
import org.prisonwatch.prison.PrisonPlace;
import org.prisonwatch.prison.PrisonPlaces;

/** Incidents as export rows (CSV, with their HXL hashtags; GeoJSON); the place comes from the incident's prison. */
@ApplicationScoped
public class IncidentCsv {

    /** An incident as rendered for the caller, with its prison's place (null when it has none). */
    record Row(IncidentView incident, PrisonPlace place) {

        /** The incident's own position when it has both coordinates, else its prison's: never one of each. */
        Double latitude() {
            return ownPosition() || place == null ? incident.latitude() : place.latitude();
        }

        Double longitude() {
            return ownPosition() || place == null ? incident.longitude() : place.longitude();
        }

        private boolean ownPosition() {
            return incident.latitude() != null && incident.longitude() != null;
        }

        Object affected(Function<Count, Integer> bound) {
            return incident.peopleAffected() == null ? null : bound.apply(incident.peopleAffected());
        }

        Object prison(Function<PrisonPlace, Object> field) {
            return place == null ? null : field.apply(place);
        }
    }

    static final List<CsvColumn<Row>> COLUMNS = List.of(
            new CsvColumn<>("id", "#event+code", r -> r.incident().id()),
            new CsvColumn<>("type", "#event+type", r -> r.incident().type()),
            new CsvColumn<>("title", "#event+name", r -> r.incident().title()),
            new CsvColumn<>("occurredFrom", "#date+start", r -> r.incident().occurredFrom()),
            new CsvColumn<>("occurredTo", "#date+end", r -> r.incident().occurredTo()),
            new CsvColumn<>("datePrecision", "#date+precision", r -> r.incident().datePrecision()),
            new CsvColumn<>("reportedOn", "#date+reported", r -> r.incident().reportedOn()),
            new CsvColumn<>("stateRegion", "#adm1+name", r -> r.prison(PrisonPlace::stateRegion)),
            new CsvColumn<>("stateRegionPcode", "#adm1+code", r -> r.prison(PrisonPlace::stateRegionPcode)),
            new CsvColumn<>("township", "#adm3+name", r -> r.prison(PrisonPlace::township)),
            new CsvColumn<>("townshipPcode", "#adm3+code", r -> r.prison(PrisonPlace::pcode)),
            new CsvColumn<>("prisonId", "#loc+code", r -> r.incident().prisonId()),
            new CsvColumn<>("prison", "#loc+name", r -> r.prison(PrisonPlace::name)),
            new CsvColumn<>("locationName", "#loc+name+described", r -> r.incident().locationName()),
            new CsvColumn<>("latitude", "#geo+lat", Row::latitude),
            new CsvColumn<>("longitude", "#geo+lon", Row::longitude),
            new CsvColumn<>("peopleAffected", "#affected", r -> r.affected(Count::best)),
            new CsvColumn<>("peopleAffectedMin", "#affected+min", r -> r.affected(Count::min)),
            new CsvColumn<>("peopleAffectedMax", "#affected+max", r -> r.affected(Count::max)),
            new CsvColumn<>("perpetrators", "#group+name+perpetrator", r -> Cells.list(r.incident().perpetrators())),
            new CsvColumn<>("opposingForces", "#group+name+opposing", r -> Cells.list(r.incident().opposingForces())),
            new CsvColumn<>("verificationStatus", "#status", r -> r.incident().verificationStatus()),
            new CsvColumn<>("confidentiality", "#meta+confidentiality", r -> r.incident().confidentiality()),
            new CsvColumn<>("sourceIds", "#meta+source", r -> Cells.sourceIds(r.incident().citations())),
            new CsvColumn<>("description", "#description", r -> r.incident().description()),
            new CsvColumn<>("externalRef", "#meta+ref", r -> r.incident().externalRef()),
            new CsvColumn<>("version", "#meta+version", r -> r.incident().version()),
            new CsvColumn<>("updatedAt", "#date+updated", r -> r.incident().updatedAt()));

    @Inject
    PrisonPlaces places;

    /** The incident list as a file: at the incident's own coordinates as the caller may see them, else its prison's. */
    ExportedList<IncidentView, Row> exported() {
        return new ExportedList<>("incidents", COLUMNS, this::rows, row -> GeoPoint.of(row.latitude(), row.longitude()),
                Row::incident);
    }

    List<Row> rows(List<IncidentView> page) {
        Map<UUID, PrisonPlace> prisons = places.of(page.stream().map(IncidentView::prisonId).toList());
        return page.stream().map(incident -> new Row(incident, prisons.get(incident.prisonId()))).toList();
    }
}
