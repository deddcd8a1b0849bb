package org.prisonwatch.casualty;

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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.prisonwatch.caserecord.Citation;
import org.prisonwatch.caserecord.CitationListColumn;
import org.prisonwatch.caserecord.EmbeddedCitation;
import org.prisonwatch.caserecord.EmbeddedCount;
import org.prisonwatch.caserecord.VerificationStatus;
import org.prisonwatch.caserecord.ProtectedEntity;

/** People killed, injured, missing or captured in an incident. */
@Entity
@Table(name = "casualty")
public class Casualty extends ProtectedEntity {

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CasualtyOutcome outcome;

    /** "group" is an SQL keyword, hence the column name. */
    @Enumerated(EnumType.STRING)
    @Column(name = "casualty_group", nullable = false, length = 24)
    public CasualtyGroup group;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "min", column = @Column(name = "count_min")),
        @AttributeOverride(name = "best", column = @Column(name = "count_best")),
        @AttributeOverride(name = "max", column = @Column(name = "count_max"))
    })
    public EmbeddedCount count;

    @Embedded
    public EmbeddedPerson person;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

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
    @CollectionTable(name = "casualty_citation", joinColumns = @JoinColumn(name = "casualty_id"))
    @OrderColumn(name = "position")
    public List<EmbeddedCitation> citationRows = new ArrayList<>();

    @Column(length = 10000)
    public String notes;

    @Column(name = "external_ref", length = 200)
    public String externalRef;
}
