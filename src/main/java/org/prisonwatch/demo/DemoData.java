package org.prisonwatch.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.prisonwatch.access.Confidentiality;
import org.prisonwatch.armedinmate.ArmedInmateReportInput;
import org.prisonwatch.armedinmate.ArmedInmateReportService;
import org.prisonwatch.armedinmate.Coercion;
import org.prisonwatch.armedinmate.Inducement;
import org.prisonwatch.armedinmate.InmateCategory;
import org.prisonwatch.armedinmate.InmateRole;
import org.prisonwatch.caserecord.Citation;
import org.prisonwatch.caserecord.Count;
import org.prisonwatch.caserecord.Reliability;
import org.prisonwatch.caserecord.VerificationStatus;
import org.prisonwatch.casualty.CasualtyGroup;
import org.prisonwatch.casualty.CasualtyInput;
import org.prisonwatch.casualty.CasualtyOutcome;
import org.prisonwatch.casualty.CasualtyService;
import org.prisonwatch.incident.DatePrecision;
import org.prisonwatch.incident.IncidentInput;
import org.prisonwatch.incident.IncidentService;
import org.prisonwatch.incident.IncidentType;
import org.prisonwatch.prison.PrisonControl;
import org.prisonwatch.prison.PrisonInput;
import org.prisonwatch.prison.PrisonKind;
import org.prisonwatch.prison.PrisonRepository;
import org.prisonwatch.prison.PrisonService;
import org.prisonwatch.prison.PrisonStatus;
import org.prisonwatch.source.SourceInput;
import org.prisonwatch.source.SourceKind;
import org.prisonwatch.source.SourceService;

/**
 * The seed cases from the two articles the project started from, for demos and manual testing. Loaded only when
 * prisonwatch.demo-data is true, and only into a database without prisons, so it never mixes into real records.
 * Everything goes through the services, so the demo data obeys the same rules as client writes.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String WTOP_ARTICLE = "https://wtop.com/world/2026/01/myanmars-military-government-"
            + "releases-more-than-6100-prisoners-on-independence-anniversary/";
    private static final String PPNM_EXCERPT = "the military is forcing criminal inmates from Banmaw and Myitkyina "
            + "prisons in Kachin State to take up arms and engage in combat";

    @ConfigProperty(name = "prisonwatch.demo-data")
    boolean enabled;

    @Inject
    PrisonRepository prisonRepository;

    @Inject
    PrisonService prisons;

    @Inject
    SourceService sources;

    @Inject
    IncidentService incidents;

    @Inject
    ArmedInmateReportService reports;

    @Inject
    CasualtyService casualties;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    /** Loads the seed cases unless the database already holds prisons; returns whether it loaded them. */
    @Transactional
    @ActivateRequestContext
    public boolean load() {
        if (prisonRepository.count() > 0) {
            LOG.info("Demo data not loaded: the database already holds records");
            return false;
        }
        var ppnm = sources.create(new SourceInput("Political Prisoners Network Myanmar", SourceKind.NGO, null,
                null, Reliability.B, Confidentiality.PUBLIC));
        var mrtv = sources.create(new SourceInput("MRTV (state television)", SourceKind.STATE_MEDIA, null, null,
                Reliability.D, Confidentiality.PUBLIC));
        var wtop = sources.create(new SourceInput("WTOP News", SourceKind.MEDIA, WTOP_ARTICLE, null, Reliability.B,
                Confidentiality.PUBLIC));

        var banmaw = prisons.create(new PrisonInput("Banmaw Prison", "ဗန်းမော်ထောင်", List.of("Bhamo Prison"),
                PrisonKind.PRISON, "Kachin", "Bhamo", null, 24.2591, 97.2342, PrisonControl.MILITARY,
                PrisonStatus.OPERATING, true, null, "Under attack by KIA and allied forces"));
        var myitkyina = prisons.create(new PrisonInput("Myitkyina Prison", "မြစ်ကြီးနားထောင်", List.of(),
                PrisonKind.PRISON, "Kachin", "Myitkyina", null, 25.3831, 97.3964, PrisonControl.MILITARY,
                PrisonStatus.OPERATING, true, null, null));

        List<Citation> ppnmSays = List.of(new Citation(ppnm.id(), Reliability.B, 2, null, null, PPNM_EXCERPT));
        for (var prison : List.of(banmaw, myitkyina)) {
            reports.create(new ArmedInmateReportInput(prison.id(), null, LocalDate.of(2025, 1, 1),
                    LocalDate.of(2023, 1, 1), null, null,
                    List.of(InmateCategory.LONG_TERM_CRIMINAL, InmateCategory.FORMER_SOLDIER,
                            InmateCategory.FORMER_POLICE),
                    List.of(Inducement.SENTENCE_REDUCTION, Inducement.RANK_REINSTATEMENT),
                    List.of(InmateRole.PRISON_SECURITY, InmateRole.FRONTLINE_COMBAT), Coercion.COERCED, true,
                    VerificationStatus.REPORTED, Confidentiality.PUBLIC, ppnmSays,
                    "The source article is undated; reportedOn is approximate. The practice is reported since 2023.",
                    null));
        }

        var combat = incidents.create(new IncidentInput(IncidentType.COMBAT_CASUALTIES,
                "Armed prisoners used in combat in Kachin State, casualties on both sides",
                "Armed inmates ordered to fight alongside soldiers when revolutionary forces attacked prisons.",
                banmaw.id(), "Kachin State", null, null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                DatePrecision.YEAR, null, List.of("Myanmar military"),
                List.of("Kachin Independence Army (KIA)", "revolutionary forces"), null, VerificationStatus.REPORTED,
                Confidentiality.PUBLIC, ppnmSays, null));
        String noFigures = "Casualties reported without figures; at least one is implied.";
        casualties.create(new CasualtyInput(combat.id(), CasualtyOutcome.KILLED, CasualtyGroup.CONSCRIPTED_INMATE,
                new Count(1, null, null), null, null, VerificationStatus.REPORTED, Confidentiality.PUBLIC, ppnmSays,
                noFigures, null));
        casualties.create(new CasualtyInput(combat.id(), CasualtyOutcome.KILLED, CasualtyGroup.RESISTANCE,
                new Count(1, null, null), null, null, VerificationStatus.REPORTED, Confidentiality.PUBLIC, ppnmSays,
                noFigures, null));

        incidents.create(new IncidentInput(IncidentType.AMNESTY_RELEASE,
                "Independence Day amnesty of 6,140 prisoners",
                "State media announced the release of 6,140 prisoners, including some convicted of activities "
                        + "against the military.",
                null, "Nationwide", null, null, LocalDate.of(2026, 1, 4), LocalDate.of(2026, 1, 4), DatePrecision.DAY,
                LocalDate.of(2026, 1, 4), List.of("Myanmar military"), List.of(), new Count(6140, 6140, 6140),
                VerificationStatus.CORROBORATED, Confidentiality.PUBLIC,
                List.of(new Citation(mrtv.id(), Reliability.D, 2, LocalDate.of(2026, 1, 4), null,
                                "6,140 prisoners were granted amnesty"),
                        new Citation(wtop.id(), Reliability.B, 2, LocalDate.of(2026, 1, 4), WTOP_ARTICLE,
                                "released over 6,100 prisoners on January 4th, 2026")),
                null));
        LOG.info("Demo data loaded: 2 prisons, 3 sources, 2 incidents, 2 armed-inmate reports, 2 casualty records");
        return true;
    }
}
