package org.prisonwatch.prison;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.prisonwatch.caserecord.NameListColumn;
import org.prisonwatch.caserecord.VersionedEntity;

/** A place of detention. */
@Entity
@Table(name = "prison")
public class Prison extends VersionedEntity {

    @Column(nullable = false, length = 300)
    public String name;

    @Column(name = "name_my", length = 300)
    public String nameMy;

    @Convert(converter = NameListColumn.class)
    @Mutability(Immutability.class)
    @Column(name = "alternate_names", nullable = false)
    public List<String> alternateNames = List.of();

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    public PrisonKind kind;

    @Column(name = "state_region", nullable = false, length = 100)
    public String stateRegion;

    @Column(length = 100)
    public String township;

    @Column(length = 9)
    public String pcode;

    public Double latitude;

    public Double longitude;

    @Enumerated(EnumType.STRING)
    @Column(name = "controlled_by", length = 16)
    public PrisonControl controlledBy;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public PrisonStatus status;

    @Column(name = "in_conflict_zone")
    public Boolean inConflictZone;

    @Column(name = "estimated_population")
    public Integer estimatedPopulation;

    @Column(length = 10000)
    public String notes;

    /** Name, Burmese name and alternate names, normalised for free-text search. */
    // only written (and searched in SQL): loading it with every read would carry a copy of the text for nothing
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_text", nullable = false, length = 4000)
    public String searchText;
}
