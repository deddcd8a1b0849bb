package org.prisonwatch.incident;

import static org.prisonwatch.caserecord.ElementCollections.replace;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.prisonwatch.api.SearchText;
import org.prisonwatch.burmese.ZawgyiOriginals;
import org.prisonwatch.caserecord.EmbeddedCitation;
import org.prisonwatch.caserecord.EmbeddedCount;
import org.prisonwatch.caserecord.HiddenFields;
import org.prisonwatch.gate.Disclosure;

/** Moves incident fields between the API records and the entity. */
final class IncidentMapper {

    private IncidentMapper() {
    }

    /**
     * Callers the gate does not allow identifying data get coordinates rounded to 0.01 degrees, about 1 km:
     * enough to map an incident, not to find a house.
     */
    static IncidentView toView(Incident i, Disclosure disclosure) {
        boolean exact = disclosure.identifying();
        Double latitude = exact ? i.latitude : roundToHundredths(i.latitude);
        Double longitude = exact ? i.longitude : roundToHundredths(i.longitude);
        return new IncidentView(i.id, i.version, i.createdAt, i.updatedAt, i.type, i.title, i.description,
                i.prisonId, i.locationName, latitude, longitude, i.occurredFrom, i.occurredTo, i.datePrecision,
                i.reportedOn, i.perpetrators, i.opposingForces, EmbeddedCount.toCount(i.peopleAffected),
                i.verificationStatus, i.confidentiality, i.citations, i.externalRef,
                ZawgyiOriginals.shown(i.zawgyiOriginals, disclosure.identifying()));
    }

    private static Double roundToHundredths(Double degrees) {
        return degrees == null ? null : Math.round(degrees * 100) / 100.0;
    }

    /**
     * A partner reads coordinates rounded: sending back what it read keeps the exact ones stored; only
     * coordinates that round differently are a change.
     */
    static final HiddenFields<IncidentInput> HIDDEN = new HiddenFields<>() {
        @Override
        public IncidentInput keepingHidden(IncidentInput sent, IncidentInput stored) {
            boolean sameAsRead = Objects.equals(roundToHundredths(sent.latitude()), roundToHundredths(stored.latitude()))
                    && Objects.equals(roundToHundredths(sent.longitude()), roundToHundredths(stored.longitude()));
            return !sameAsRead ? sent : new IncidentInput(sent.type(), sent.title(), sent.description(),
                    sent.prisonId(), sent.locationName(), stored.latitude(), stored.longitude(), sent.occurredFrom(),
                    sent.occurredTo(), sent.datePrecision(), sent.reportedOn(), sent.perpetrators(),
                    sent.opposingForces(), sent.peopleAffected(), sent.verificationStatus(), sent.confidentiality(),
                    sent.citations(), sent.externalRef());
        }

        @Override
        public boolean setsHidden(IncidentInput sent) {
            return false;
        }
    };

    static IncidentInput toInput(Incident i) {
        return new IncidentInput(i.type, i.title, i.description, i.prisonId, i.locationName, i.latitude,
                i.longitude, i.occurredFrom, i.occurredTo, i.datePrecision, i.reportedOn,
                i.perpetrators, i.opposingForces, EmbeddedCount.toCount(i.peopleAffected), i.verificationStatus,
                i.confidentiality, i.citations, i.externalRef);
    }

    static void apply(IncidentInput in, Incident i) {
        i.type = in.type();
        i.title = in.title();
        i.description = in.description();
        i.prisonId = in.prisonId();
        i.locationName = in.locationName();
        i.latitude = in.latitude();
        i.longitude = in.longitude();
        i.occurredFrom = in.occurredFrom();
        i.occurredTo = in.occurredTo();
        i.datePrecision = in.datePrecision();
        i.reportedOn = in.reportedOn();
        i.perpetrators = List.copyOf(in.perpetrators());
        i.opposingForces = List.copyOf(in.opposingForces());
        i.peopleAffected = EmbeddedCount.of(in.peopleAffected());
        i.verificationStatus = in.verificationStatus();
        i.confidentiality = in.confidentiality();
        i.citations = List.copyOf(in.citations());
        replace(i.citationRows, EmbeddedCitation.of(in.citations()));
        i.externalRef = in.externalRef();
        i.searchText = SearchText.of(Stream.of(Stream.of(i.title, i.description, i.locationName),
                i.perpetrators.stream(), i.opposingForces.stream()).flatMap(s -> s));
    }
}
