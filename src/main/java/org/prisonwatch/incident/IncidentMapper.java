package org.prisonwatch.incident;

import static org.prisonwatch.caserecord.ElementCollections.replace;

import java.util.List;
import java.util.stream.Stream;
import org.prisonwatch.api.SearchText;
import org.prisonwatch.caserecord.EmbeddedCitation;
import org.prisonwatch.caserecord.EmbeddedCount;
import org.prisonwatch.security.Audience;

/** Moves incident fields between the API records and the entity. */
final class IncidentMapper {

    private IncidentMapper() {
    }

    /**
     * Callers who may not read identifying data (anonymous and partners) get coordinates rounded to 0.01 degrees,
     * about 1 km: enough to map an incident, not to find a house.
     */
    static IncidentView toView(Incident i, Audience audience) {
        boolean exact = audience.mayReadIdentifyingData();
        Double latitude = exact ? i.latitude : roundToHundredths(i.latitude);
        Double longitude = exact ? i.longitude : roundToHundredths(i.longitude);
        return new IncidentView(i.id, i.version, i.createdAt, i.updatedAt, i.type, i.title, i.description,
                i.prisonId, i.locationName, latitude, longitude, i.occurredFrom, i.occurredTo, i.datePrecision,
                i.reportedOn, List.copyOf(i.perpetrators), List.copyOf(i.opposingForces),
                EmbeddedCount.toCount(i.peopleAffected), i.verificationStatus, i.confidentiality,
                EmbeddedCitation.toCitations(i.citations), i.externalRef);
    }

    private static Double roundToHundredths(Double degrees) {
        return degrees == null ? null : Math.round(degrees * 100) / 100.0;
    }

    static IncidentInput toInput(Incident i) {
        return new IncidentInput(i.type, i.title, i.description, i.prisonId, i.locationName, i.latitude,
                i.longitude, i.occurredFrom, i.occurredTo, i.datePrecision, i.reportedOn,
                List.copyOf(i.perpetrators), List.copyOf(i.opposingForces), EmbeddedCount.toCount(i.peopleAffected),
                i.verificationStatus, i.confidentiality, EmbeddedCitation.toCitations(i.citations), i.externalRef);
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
        replace(i.perpetrators, in.perpetrators());
        replace(i.opposingForces, in.opposingForces());
        i.peopleAffected = EmbeddedCount.of(in.peopleAffected());
        i.verificationStatus = in.verificationStatus();
        i.confidentiality = in.confidentiality();
        replace(i.citations, EmbeddedCitation.of(in.citations()));
        i.externalRef = in.externalRef();
        i.searchText = SearchText.of(Stream.of(Stream.of(i.title, i.description, i.locationName),
                i.perpetrators.stream(), i.opposingForces.stream()).flatMap(s -> s));
    }
}
