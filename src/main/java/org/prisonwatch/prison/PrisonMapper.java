package org.prisonwatch.prison;

import java.util.List;
import java.util.stream.Stream;
import org.prisonwatch.api.SearchText;
import org.prisonwatch.burmese.ZawgyiOriginals;
import org.prisonwatch.gate.Disclosure;

/** Moves prison fields between the API records and the entity. */
final class PrisonMapper {

    private PrisonMapper() {
    }

    static PrisonView toView(Prison p, Disclosure disclosure) {
        return new PrisonView(p.id, p.version, p.createdAt, p.updatedAt, p.name, p.nameMy,
                p.alternateNames, p.kind, p.stateRegion, p.township, p.pcode, p.latitude, p.longitude,
                p.controlledBy, p.status, p.inConflictZone, p.estimatedPopulation, p.notes,
                ZawgyiOriginals.shown(p.zawgyiOriginals, disclosure.identifying()));
    }

    static PrisonInput toInput(Prison p) {
        return new PrisonInput(p.name, p.nameMy, p.alternateNames, p.kind, p.stateRegion, p.township,
                p.pcode, p.latitude, p.longitude, p.controlledBy, p.status, p.inConflictZone, p.estimatedPopulation,
                p.notes);
    }

    static void apply(PrisonInput in, Prison p) {
        p.name = in.name();
        p.nameMy = in.nameMy();
        p.alternateNames = List.copyOf(in.alternateNames());
        p.kind = in.kind();
        p.stateRegion = in.stateRegion();
        p.township = in.township();
        p.pcode = in.pcode();
        p.latitude = in.latitude();
        p.longitude = in.longitude();
        p.controlledBy = in.controlledBy();
        p.status = in.status();
        p.inConflictZone = in.inConflictZone();
        p.estimatedPopulation = in.estimatedPopulation();
        p.notes = in.notes();
        p.searchText = SearchText.of(Stream.concat(Stream.of(p.name, p.nameMy), p.alternateNames.stream()));
    }
}
