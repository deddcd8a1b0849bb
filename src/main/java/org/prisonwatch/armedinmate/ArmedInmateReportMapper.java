package org.prisonwatch.armedinmate;

import static org.prisonwatch.caserecord.ElementCollections.replace;

import java.util.Collection;
import java.util.List;
import org.prisonwatch.burmese.ZawgyiOriginals;
import org.prisonwatch.caserecord.EmbeddedCitation;
import org.prisonwatch.caserecord.EmbeddedCount;
import org.prisonwatch.gate.Disclosure;

/** Moves armed-inmate report fields between the API records and the entity. */
final class ArmedInmateReportMapper {

    private ArmedInmateReportMapper() {
    }

    static ArmedInmateReportView toView(ArmedInmateReport r, Disclosure disclosure) {
        return new ArmedInmateReportView(r.id, r.version, r.createdAt, r.updatedAt, r.prisonId, r.incidentId,
                r.reportedOn, r.periodFrom, r.periodTo, EmbeddedCount.toCount(r.inmatesArmed),
                inDeclaredOrder(r.inmateCategories), inDeclaredOrder(r.inducements), inDeclaredOrder(r.roles),
                r.coercion, r.usedInCombat, r.verificationStatus, r.confidentiality,
                EmbeddedCitation.toCitations(r.citations), r.notes, r.externalRef,
                ZawgyiOriginals.shown(r.zawgyiOriginals, disclosure.identifying()));
    }

    static ArmedInmateReportInput toInput(ArmedInmateReport r) {
        return new ArmedInmateReportInput(r.prisonId, r.incidentId, r.reportedOn, r.periodFrom, r.periodTo,
                EmbeddedCount.toCount(r.inmatesArmed), inDeclaredOrder(r.inmateCategories),
                inDeclaredOrder(r.inducements), inDeclaredOrder(r.roles), r.coercion, r.usedInCombat,
                r.verificationStatus, r.confidentiality, EmbeddedCitation.toCitations(r.citations), r.notes,
                r.externalRef);
    }

    static void apply(ArmedInmateReportInput in, ArmedInmateReport r) {
        r.prisonId = in.prisonId();
        r.incidentId = in.incidentId();
        r.reportedOn = in.reportedOn();
        r.periodFrom = in.periodFrom();
        r.periodTo = in.periodTo();
        r.effectiveFrom = in.periodFrom() != null ? in.periodFrom() : in.reportedOn();
        r.effectiveTo = in.periodTo() != null ? in.periodTo() : in.periodFrom() != null ? in.periodFrom()
                : in.reportedOn();
        r.inmatesArmed = EmbeddedCount.of(in.inmatesArmed());
        replace(r.inmateCategories, in.inmateCategories());
        replace(r.inducements, in.inducements());
        replace(r.roles, in.roles());
        r.coercion = in.coercion();
        r.usedInCombat = in.usedInCombat();
        r.verificationStatus = in.verificationStatus();
        r.confidentiality = in.confidentiality();
        replace(r.citations, EmbeddedCitation.of(in.citations()));
        r.notes = in.notes();
        r.externalRef = in.externalRef();
    }

    /** Sets come back from the database in no order; the API lists them as the enum declares them. */
    private static <T extends Enum<T>> List<T> inDeclaredOrder(Collection<T> values) {
        return values.stream().sorted().toList();
    }
}
