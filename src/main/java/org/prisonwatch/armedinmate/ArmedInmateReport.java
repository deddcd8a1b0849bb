package org.prisonwatch.armedinmate;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.prisonwatch.caserecord.EmbeddedCitation;
import org.prisonwatch.caserecord.EmbeddedCount;
import org.prisonwatch.caserecord.VerificationStatus;
import org.prisonwatch.caserecord.ProtectedEntity;

/** A sourced claim that inmates of a prison were armed or made to fight. */
@Entity
@Table(name = "armed_inmate_report")
public class ArmedInmateReport extends ProtectedEntity {

    @Column(name = "prison_id", nullable = false)
    public UUID prisonId;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "reported_on", nullable = false)
    public LocalDate reportedOn;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    @Column(name = "period_to")
    public LocalDate periodTo;

    /** The period the date filters match: the stated period, or the report date when none is stated. */
    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_to", nullable = false)
    public LocalDate effectiveTo;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "min", column = @Column(name = "inmates_armed_min")),
        @AttributeOverride(name = "best", column = @Column(name = "inmates_armed_best")),
        @AttributeOverride(name = "max", column = @Column(name = "inmates_armed_max"))
    })
    public EmbeddedCount inmatesArmed;

    @ElementCollection
    @CollectionTable(name = "armed_inmate_report_category", joinColumns = @JoinColumn(name = "report_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 32)
    public Set<InmateCategory> inmateCategories = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "armed_inmate_report_inducement", joinColumns = @JoinColumn(name = "report_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "inducement", nullable = false, length = 32)
    public Set<Inducement> inducements = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "armed_inmate_report_role", joinColumns = @JoinColumn(name = "report_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 32)
    public Set<InmateRole> roles = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Coercion coercion;

    @Column(name = "used_in_combat")
    public Boolean usedInCombat;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_status", nullable = false, length = 16)
    public VerificationStatus verificationStatus;

    @ElementCollection
    @CollectionTable(name = "armed_inmate_report_citation", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    public List<EmbeddedCitation> citations = new ArrayList<>();

    @Column(length = 10000)
    public String notes;

    @Column(name = "external_ref", length = 200)
    public String externalRef;
}
