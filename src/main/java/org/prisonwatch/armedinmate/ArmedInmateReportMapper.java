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
                r.citations, r.notes, r.externalRef,
                ZawgyiOriginals.shown(r.zawgyiOriginals, disclosure.identifying()));
    }

    static ArmedInmateReportInput toInput(ArmedInmateReport r) {
        return new ArmedInmateReportInput(r.prisonId, r.incidentId, r.reportedOn, r.periodFrom, r.periodTo,
                EmbeddedCount.toCount(r.inmatesArmed), inDeclaredOrder(r.inmateCategories),
                inDeclaredOrder(r.inducements), inDeclaredOrder(r.roles), r.coercion, r.usedInCombat,
                r.verificationStatus, r.confidentiality, r.citations, r.notes,
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
        r.inmateCategories = inDeclaredOrder(in.inmateCategories());
        r.inducements = inDeclaredOrder(in.inducements());
        replace(r.inducementRows, r.inducements);
        r.roles = inDeclaredOrder(in.roles());
        replace(r.roleRows, r.roles);
        r.coercion = in.coercion();
        r.usedInCombat = in.usedInCombat();
        r.verificationStatus = in.verificationStatus();
        r.confidentiality = in.confidentiality();
        r.citations = List.copyOf(in.citations());
        replace(r.citationRows, EmbeddedCitation.of(in.citations()));
        r.notes = in.notes();
        r.externalRef = in.externalRef();
    }

    /**
     * These lists are sets: each value once, listed as the enum declares them (stored so, and sorted again on the
     * way out, since rows migrated from the old tables were listed alphabetically).
     */
    private static <T extends Enum<T>> List<T> inDeclaredOrder(Collection<T> values) {
        return values.stream().distinct().sorted().toList();
    }
}
