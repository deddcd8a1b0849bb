package org.prisonwatch.caserecord;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A citation as stored in its owner's citation table. */
@Embeddable
public class EmbeddedCitation {

    @Column(name = "source_id", nullable = false)
    public UUID sourceId;

    /** One letter, stored as varchar: Hibernate would otherwise expect char(1) on PostgreSQL. */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 1)
    public Reliability reliability;

    public Integer credibility;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(length = 2000)
    public String url;

    @Column(length = 4000)
    public String excerpt;

    public static List<EmbeddedCitation> of(List<Citation> citations) {
        return citations == null ? List.of() : citations.stream().map(EmbeddedCitation::of).toList();
    }

    private static EmbeddedCitation of(Citation citation) {
        EmbeddedCitation stored = new EmbeddedCitation();
        stored.sourceId = citation.sourceId();
        stored.reliability = citation.reliability();
        stored.credibility = citation.credibility();
        stored.publishedOn = citation.publishedOn();
        stored.url = citation.url();
        stored.excerpt = citation.excerpt();
        return stored;
    }
}
