package org.prisonwatch.casualty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.prisonwatch.access.Callers;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.caserecord.Citation;
import org.prisonwatch.caserecord.Count;
import org.prisonwatch.caserecord.VerificationStatus;
import org.prisonwatch.export.Cells;
import org.prisonwatch.export.CsvColumn;
import org.prisonwatch.export.ExportedList;
import org.prisonwatch.incident.IncidentRepository;
import org.prisonwatch.prison.PrisonPlace;
import org.prisonwatch.prison.PrisonPlaces;

/**
 * Casualties as export rows (CSV, with their HXL hashtags; GeoJSON, at their place): the count under the tag of its outcome (#affected+killed, …),
 * the place from the prison of the incident when the caller may see that incident, and the person's fields only
 * where the gate rendered them (staff; a reporter's own records).
 */
@ApplicationScoped
public class CasualtyCsv {

    /** A casualty as rendered for the caller, whichever view that is, with its place (null when unknown). */
    record Row(CasualtyResponse view, UUID id, UUID incidentId, CasualtyOutcome outcome, CasualtyGroup group, Count count, Person person,
            LocalDate occurredOn, VerificationStatus verificationStatus, Confidentiality confidentiality,
            List<Citation> citations, String notes, String externalRef, Integer version, Instant updatedAt,
            PrisonPlace place) {

        static Row of(CasualtyResponse view, PrisonPlace place) {
            if (view instanceof CasualtyView c) {
                return new Row(view, c.id(), c.incidentId(), c.outcome(), c.group(), c.count(), c.person(),
                        c.occurredOn(), c.verificationStatus(), c.confidentiality(), c.citations(), c.notes(),
                        c.externalRef(), c.version(), c.updatedAt(), place);
            }
            PublicCasualtyView c = (PublicCasualtyView) view;
            return new Row(view, c.id(), c.incidentId(), c.outcome(), c.group(), c.count(), null, c.occurredOn(),
                    c.verificationStatus(), c.confidentiality(), c.citations(), c.notes(), c.externalRef(),
                    c.version(), c.updatedAt(), place);
        }

        Object counted(CasualtyOutcome as, Function<Count, Integer> bound) {
            return outcome != as || count == null ? null : bound.apply(count);
        }

        Object prison(Function<PrisonPlace, Object> field) {
            return place == null ? null : field.apply(place);
        }

        Object person(Function<Person, Object> field) {
            return person == null ? null : field.apply(person);
        }
    }

    static final List<CsvColumn<Row>> COLUMNS = columns();

    @Inject
    IncidentRepository incidents;

    @Inject
    PrisonPlaces places;

    @Inject
    Callers callers;

    /** The casualty list as a file: a casualty is placed at its incident's prison, when the caller may see it. */
    ExportedList<CasualtyResponse, Row> exported() {
        return new ExportedList<>("casualties", COLUMNS, this::rows, row -> PrisonPlace.pointOf(row.place()),
                Row::view);
    }

    List<Row> rows(List<CasualtyResponse> page) {
        Map<UUID, UUID> prisonOf = incidents.prisonsOfVisible(page.stream().map(CasualtyCsv::incidentOf).toList(),
                callers.audience());
        Map<UUID, PrisonPlace> prisons = places.of(prisonOf.values());
        return page.stream().map(view -> Row.of(view, prisons.get(prisonOf.get(incidentOf(view))))).toList();
    }

    private static UUID incidentOf(CasualtyResponse view) {
        return view instanceof CasualtyView c ? c.incidentId() : ((PublicCasualtyView) view).incidentId();
    }

    private static List<CsvColumn<Row>> columns() {
        List<CsvColumn<Row>> columns = new ArrayList<>(List.of(
                new CsvColumn<>("id", "#meta+id", Row::id),
                new CsvColumn<>("incidentId", "#event+code", Row::incidentId),
                new CsvColumn<>("outcome", "#affected+outcome", Row::outcome),
                new CsvColumn<>("group", "#group+name", Row::group),
                new CsvColumn<>("occurredOn", "#date+occurred", Row::occurredOn)));
        for (CasualtyOutcome outcome : CasualtyOutcome.values()) {
            String name = outcome.name().toLowerCase(java.util.Locale.ROOT);
            columns.add(new CsvColumn<>(name, "#affected+" + name, r -> r.counted(outcome, Count::best)));
            columns.add(new CsvColumn<>(name + "Min", "#affected+" + name + "+min", r -> r.counted(outcome, Count::min)));
            columns.add(new CsvColumn<>(name + "Max", "#affected+" + name + "+max", r -> r.counted(outcome, Count::max)));
        }
        columns.addAll(List.of(
                new CsvColumn<>("stateRegion", "#adm1+name", r -> r.prison(PrisonPlace::stateRegion)),
                new CsvColumn<>("stateRegionPcode", "#adm1+code", r -> r.prison(PrisonPlace::stateRegionPcode)),
                new CsvColumn<>("township", "#adm3+name", r -> r.prison(PrisonPlace::township)),
                new CsvColumn<>("townshipPcode", "#adm3+code", r -> r.prison(PrisonPlace::pcode)),
                new CsvColumn<>("prisonId", "#loc+code", r -> r.prison(PrisonPlace::id)),
                new CsvColumn<>("prison", "#loc+name", r -> r.prison(PrisonPlace::name)),
                new CsvColumn<>("latitude", "#geo+lat", r -> r.prison(PrisonPlace::latitude)),
                new CsvColumn<>("longitude", "#geo+lon", r -> r.prison(PrisonPlace::longitude)),
                new CsvColumn<>("personName", "#affected+name", r -> r.person(Person::name)),
                new CsvColumn<>("personPrisonerNumber", "#affected+id", r -> r.person(Person::prisonerNumber)),
                new CsvColumn<>("personAge", "#affected+age", r -> r.person(Person::age)),
                new CsvColumn<>("personGender", "#affected+gender", r -> r.person(Person::gender)),
                new CsvColumn<>("personHometown", "#affected+origin", r -> r.person(Person::hometown)),
                new CsvColumn<>("verificationStatus", "#status", Row::verificationStatus),
                new CsvColumn<>("confidentiality", "#meta+confidentiality", Row::confidentiality),
                new CsvColumn<>("sourceIds", "#meta+source", r -> Cells.sourceIds(r.citations())),
                new CsvColumn<>("notes", "#description", Row::notes),
                new CsvColumn<>("externalRef", "#meta+ref", Row::externalRef),
                new CsvColumn<>("version", "#meta+version", Row::version),
                new CsvColumn<>("updatedAt", "#date+updated", Row::updatedAt)));
        return List.copyOf(columns);
    }
}
