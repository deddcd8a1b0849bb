package org.prisonwatch.source;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.Table;
import org.prisonwatch.caserecord.Reliability;
import org.prisonwatch.caserecord.ProtectedEntity;

/** Who said it: an organisation, outlet or person that reports facts. */
@Entity
@Table(name = "source")
public class Source extends ProtectedEntity {

    @Column(nullable = false, length = 300)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    public SourceKind kind;

    @Column(length = 2000)
    public String url;

    /** How to reach the source. Sensitive: it can identify a witness. */
    @Column(length = 1000)
    public String contact;

    /** One letter, stored as varchar: Hibernate would otherwise expect char(1) on PostgreSQL. */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "default_reliability", length = 1)
    public Reliability defaultReliability;

    // only written (and searched in SQL): loading it with every read would carry a copy of the text for nothing
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_text", nullable = false, length = 1000)
    public String searchText;
}
