package org.prisonwatch.incident;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.prisonwatch.caserecord.Citation;
import org.prisonwatch.caserecord.CitationListColumn;
import org.prisonwatch.caserecord.EmbeddedCitation;
import org.prisonwatch.caserecord.NameListColumn;
import org.prisonwatch.caserecord.EmbeddedCount;
import org.prisonwatch.caserecord.VerificationStatus;
import org.prisonwatch.caserecord.ProtectedEntity;

/** What happened, when and where. */
@Entity
@Table(name = "incident")
public class Incident extends ProtectedEntity {

    @Enumerated(EnumType.STRING)
    @Column(name = "incident_type", nullable = false, length = 32)
    public IncidentType type;

    @Column(nullable = false, length = 500)
    public String title;

    @Column(length = 20000)
    public String description;

    @Column(name = "prison_id")
    public UUID prisonId;

    @Column(name = "location_name", length = 300)
    public String locationName;

    public Double latitude;

    public Double longitude;

    @Column(name = "occurred_from", nullable = false)
    public LocalDate occurredFrom;

    @Column(name = "occurred_to", nullable = false)
    public LocalDate occurredTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision", nullable = false, length = 8)
    public DatePrecision datePrecision;

    @Column(name = "reported_on")
    public LocalDate reportedOn;

    @Convert(converter = NameListColumn.class)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<String> perpetrators = List.of();

    @Convert(converter = NameListColumn.class)
    @Mutability(Immutability.class)
    @Column(name = "opposing_forces", nullable = false)
    public List<String> opposingForces = List.of();

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "min", column = @Column(name = "people_affected_min")),
        @AttributeOverride(name = "best", column = @Column(name = "people_affected_best")),
        @AttributeOverride(name = "max", column = @Column(name = "people_affected_max"))
    })
    public EmbeddedCount peopleAffected;

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
    @CollectionTable(name = "incident_citation", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    public List<EmbeddedCitation> citationRows = new ArrayList<>();

    @Column(name = "external_ref", length = 200)
    public String externalRef;

    /** Title, description, place and actors, normalised for free-text search. */
    // only written (and searched in SQL): loading it with every read would carry a copy of the text for nothing
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_text", nullable = false, length = 24000)
    public String searchText;
}
