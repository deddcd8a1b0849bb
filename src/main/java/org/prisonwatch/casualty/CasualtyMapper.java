package org.prisonwatch.casualty;

import static org.prisonwatch.caserecord.ElementCollections.replace;

import org.prisonwatch.caserecord.EmbeddedCitation;
import org.prisonwatch.caserecord.EmbeddedCount;

/** Moves casualty fields between the API records and the entity. */
final class CasualtyMapper {

    private CasualtyMapper() {
    }

    static CasualtyView toView(Casualty c) {
        return new CasualtyView(c.id, c.version, c.createdAt, c.updatedAt, c.incidentId, c.outcome, c.group,
                EmbeddedCount.toCount(c.count), EmbeddedPerson.toPerson(c.person), c.occurredOn,
                c.verificationStatus, c.confidentiality, EmbeddedCitation.toCitations(c.citations), c.notes,
                c.externalRef);
    }

    static CasualtyInput toInput(Casualty c) {
        return new CasualtyInput(c.incidentId, c.outcome, c.group, EmbeddedCount.toCount(c.count),
                EmbeddedPerson.toPerson(c.person), c.occurredOn, c.verificationStatus, c.confidentiality,
                EmbeddedCitation.toCitations(c.citations), c.notes, c.externalRef);
    }

    static void apply(CasualtyInput in, Casualty c) {
        c.incidentId = in.incidentId();
        c.outcome = in.outcome();
        c.group = in.group();
        c.count = EmbeddedCount.of(in.count());
        c.person = EmbeddedPerson.of(in.person());
        c.occurredOn = in.occurredOn();
        c.verificationStatus = in.verificationStatus();
        c.confidentiality = in.confidentiality();
        replace(c.citations, EmbeddedCitation.of(in.citations()));
        c.notes = in.notes();
        c.externalRef = in.externalRef();
    }
}
