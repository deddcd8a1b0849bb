package org.prisonwatch.armedinmate;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.prisonwatch.caserecord.Citation;
import org.prisonwatch.caserecord.CitationListColumn;
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

    @Convert(converter = InmateCategoryListColumn.class)
    @Mutability(Immutability.class)
    @Column(name = "inmate_categories", nullable = false)
    public List<InmateCategory> inmateCategories = List.of();

    @Convert(converter = InducementListColumn.class)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<Inducement> inducements = List.of();

    /** The same inducements as rows, written with them and never read back: what the inducement filter searches. */
    @ElementCollection
    @CollectionTable(name = "armed_inmate_report_inducement", joinColumns = @JoinColumn(name = "report_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "inducement", nullable = false, length = 32)
    public Set<Inducement> inducementRows = new HashSet<>();

    @Convert(converter = InmateRoleListColumn.class)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<InmateRole> roles = List.of();

    /** The same roles as rows, written with them and never read back: what the role filter searches. */
    @ElementCollection
    @CollectionTable(name = "armed_inmate_report_role", joinColumns = @JoinColumn(name = "report_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 32)
    public Set<InmateRole> roleRows = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Coercion coercion;

    @Column(name = "used_in_combat")
    public Boolean usedInCombat;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_status", nullable = false, length = 16)
    public VerificationStatus verificationStatus;

    @Convert(converter = CitationListColumn.class)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<Citation> citations = List.of();

    /**
     * The same citations as rows, written with them and never read back: a row's foreign key keeps a cited source
     * from vanishing, and SQL on either database can find what cites a source (H2 cannot look inside JSON).
     */
    @ElementCollection
    @CollectionTable(name = "armed_inmate_report_citation", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    public List<EmbeddedCitation> citationRows = new ArrayList<>();

    @Column(length = 10000)
    public String notes;

    @Column(name = "external_ref", length = 200)
    public String externalRef;
}
