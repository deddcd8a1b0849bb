package org.prisonwatch.casualty;

import static org.prisonwatch.caserecord.ElementCollections.replace;

import java.util.List;
import org.prisonwatch.burmese.ZawgyiOriginals;
import org.prisonwatch.caserecord.EmbeddedCitation;
import org.prisonwatch.caserecord.EmbeddedCount;
import org.prisonwatch.caserecord.HiddenFields;
import org.prisonwatch.gate.Disclosure;

/** Moves casualty fields between the API records and the entity. */
final class CasualtyMapper {

    private CasualtyMapper() {
    }

    /** An identified person only reaches callers the gate allows; others get a type without the field. */
    static CasualtyResponse toView(Casualty c, Disclosure disclosure) {
        if (disclosure.identifying()) {
            return new CasualtyView(c.id, c.version, c.createdAt, c.updatedAt, c.incidentId, c.outcome, c.group,
                    EmbeddedCount.toCount(c.count), EmbeddedPerson.toPerson(c.person), c.occurredOn,
                    c.verificationStatus, c.confidentiality, c.citations, c.notes,
                    c.externalRef, ZawgyiOriginals.shown(c.zawgyiOriginals, true));
        }
        return new PublicCasualtyView(c.id, c.version, c.createdAt, c.updatedAt, c.incidentId, c.outcome, c.group,
                EmbeddedCount.toCount(c.count), c.occurredOn, c.verificationStatus, c.confidentiality,
                c.citations, c.notes, c.externalRef);
    }

    /** A partner cannot read the person: its writes keep the stored one unless it names one. */
    static final HiddenFields<CasualtyInput> HIDDEN = new HiddenFields<>() {
        @Override
        public CasualtyInput keepingHidden(CasualtyInput sent, CasualtyInput stored) {
            return sent.person() != null ? sent : new CasualtyInput(sent.incidentId(), sent.outcome(), sent.group(),
                    sent.count(), stored.person(), sent.occurredOn(), sent.verificationStatus(),
                    sent.confidentiality(), sent.citations(), sent.notes(), sent.externalRef());
        }

        @Override
        public boolean setsHidden(CasualtyInput sent) {
            return sent.person() != null;
        }
    };

    static CasualtyInput toInput(Casualty c) {
        return new CasualtyInput(c.incidentId, c.outcome, c.group, EmbeddedCount.toCount(c.count),
                EmbeddedPerson.toPerson(c.person), c.occurredOn, c.verificationStatus, c.confidentiality,
                c.citations, c.notes, c.externalRef);
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
        c.citations = List.copyOf(in.citations());
        replace(c.citationRows, EmbeddedCitation.of(in.citations()));
        c.notes = in.notes();
        c.externalRef = in.externalRef();
    }
}
