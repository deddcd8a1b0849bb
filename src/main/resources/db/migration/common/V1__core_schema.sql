-- Core case-record schema. Portable SQL: this file runs unchanged on H2 and PostgreSQL.
-- Every list filter of the API has an index here; keyset paging orders by (sort key, id).

create table prison (
    id                   uuid                     not null primary key,
    version              integer                  not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    deleted_at           timestamp with time zone,
    name                 varchar(300)             not null,
    name_my              varchar(300),
    kind                 varchar(32),
    state_region         varchar(100)             not null,
    township             varchar(100),
    pcode                varchar(9),
    latitude             double precision,
    longitude            double precision,
    controlled_by        varchar(16),
    status               varchar(16),
    in_conflict_zone     boolean,
    estimated_population integer,
    notes                varchar(10000),
    search_text          varchar(4000)            not null
);
create index prison_live_id_idx on prison (deleted_at, id);
create index prison_name_idx on prison (name, id);
create index prison_state_region_idx on prison (state_region, id);
create index prison_township_idx on prison (township, id);
create index prison_controlled_by_idx on prison (controlled_by, id);
create index prison_conflict_zone_idx on prison (in_conflict_zone, id);
create index prison_updated_at_idx on prison (updated_at, id);

create table prison_alternate_name (
    prison_id uuid         not null references prison (id),
    position  integer      not null,
    name      varchar(300) not null,
    primary key (prison_id, position)
);

create table source (
    id                  uuid                     not null primary key,
    version             integer                  not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    deleted_at          timestamp with time zone,
    name                varchar(300)             not null,
    kind                varchar(32),
    url                 varchar(2000),
    contact             varchar(1000),
    default_reliability varchar(1),
    confidentiality     varchar(16)              not null,
    search_text         varchar(1000)            not null
);
create index source_live_id_idx on source (deleted_at, id);
create index source_name_idx on source (name, id);
create index source_kind_idx on source (kind, id);
create index source_updated_at_idx on source (updated_at, id);

create table incident (
    id                   uuid                     not null primary key,
    version              integer                  not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    deleted_at           timestamp with time zone,
    incident_type        varchar(32)              not null,
    title                varchar(500)             not null,
    description          varchar(20000),
    prison_id            uuid references prison (id),
    location_name        varchar(300),
    latitude             double precision,
    longitude            double precision,
    occurred_from        date                     not null,
    occurred_to          date                     not null,
    date_precision       varchar(8)               not null,
    reported_on          date,
    people_affected_min  integer,
    people_affected_best integer,
    people_affected_max  integer,
    verification_status  varchar(16)              not null,
    confidentiality      varchar(16)              not null,
    external_ref         varchar(200),
    search_text          varchar(24000)           not null
);
create index incident_live_id_idx on incident (deleted_at, id);
create index incident_type_idx on incident (incident_type, id);
create index incident_prison_idx on incident (prison_id, id);
create index incident_verification_idx on incident (verification_status, id);
create index incident_occurred_from_idx on incident (occurred_from, id);
create index incident_occurred_to_idx on incident (occurred_to, id);
create index incident_updated_at_idx on incident (updated_at, id);
create index incident_external_ref_idx on incident (external_ref);

create table incident_perpetrator (
    incident_id uuid         not null references incident (id),
    position    integer      not null,
    name        varchar(300) not null,
    primary key (incident_id, position)
);

create table incident_opposing_force (
    incident_id uuid         not null references incident (id),
    position    integer      not null,
    name        varchar(300) not null,
    primary key (incident_id, position)
);

create table incident_citation (
    incident_id  uuid          not null references incident (id),
    position     integer       not null,
    source_id    uuid          not null references source (id),
    reliability  varchar(1),
    credibility  integer,
    published_on date,
    url          varchar(2000),
    excerpt      varchar(4000),
    primary key (incident_id, position)
);
create index incident_citation_source_idx on incident_citation (source_id);

create table armed_inmate_report (
    id                  uuid                     not null primary key,
    version             integer                  not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    deleted_at          timestamp with time zone,
    prison_id           uuid                     not null references prison (id),
    incident_id         uuid references incident (id),
    reported_on         date                     not null,
    period_from         date,
    period_to           date,
    effective_from      date                     not null,
    effective_to        date                     not null,
    inmates_armed_min   integer,
    inmates_armed_best  integer,
    inmates_armed_max   integer,
    coercion            varchar(20),
    used_in_combat      boolean,
    verification_status varchar(16)              not null,
    confidentiality     varchar(16)              not null,
    notes               varchar(10000),
    external_ref        varchar(200)
);
create index armed_report_live_id_idx on armed_inmate_report (deleted_at, id);
create index armed_report_prison_idx on armed_inmate_report (prison_id, id);
create index armed_report_incident_idx on armed_inmate_report (incident_id, id);
create index armed_report_reported_on_idx on armed_inmate_report (reported_on, id);
create index armed_report_effective_from_idx on armed_inmate_report (effective_from, id);
create index armed_report_effective_to_idx on armed_inmate_report (effective_to, id);
create index armed_report_combat_idx on armed_inmate_report (used_in_combat, id);
create index armed_report_updated_at_idx on armed_inmate_report (updated_at, id);
create index armed_report_external_ref_idx on armed_inmate_report (external_ref);

create table armed_inmate_report_category (
    report_id uuid        not null references armed_inmate_report (id),
    category  varchar(32) not null,
    primary key (report_id, category)
);

create table armed_inmate_report_inducement (
    report_id  uuid        not null references armed_inmate_report (id),
    inducement varchar(32) not null,
    primary key (report_id, inducement)
);
create index armed_report_inducement_idx on armed_inmate_report_inducement (inducement, report_id);

create table armed_inmate_report_role (
    report_id uuid        not null references armed_inmate_report (id),
    role      varchar(32) not null,
    primary key (report_id, role)
);
create index armed_report_role_idx on armed_inmate_report_role (role, report_id);

create table armed_inmate_report_citation (
    report_id    uuid          not null references armed_inmate_report (id),
    position     integer       not null,
    source_id    uuid          not null references source (id),
    reliability  varchar(1),
    credibility  integer,
    published_on date,
    url          varchar(2000),
    excerpt      varchar(4000),
    primary key (report_id, position)
);
create index armed_report_citation_source_idx on armed_inmate_report_citation (source_id);

create table casualty (
    id                     uuid                     not null primary key,
    version                integer                  not null,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    deleted_at             timestamp with time zone,
    incident_id            uuid                     not null references incident (id),
    outcome                varchar(16)              not null,
    casualty_group         varchar(24)              not null,
    count_min              integer,
    count_best             integer,
    count_max              integer,
    person_name            varchar(300),
    person_prisoner_number varchar(100),
    person_age             integer,
    person_gender          varchar(16),
    person_hometown        varchar(300),
    occurred_on            date,
    verification_status    varchar(16)              not null,
    confidentiality        varchar(16)              not null,
    notes                  varchar(10000),
    external_ref           varchar(200)
);
create index casualty_live_id_idx on casualty (deleted_at, id);
create index casualty_incident_idx on casualty (incident_id, id);
create index casualty_outcome_idx on casualty (outcome, id);
create index casualty_group_idx on casualty (casualty_group, id);
create index casualty_occurred_on_idx on casualty (occurred_on, id);
create index casualty_updated_at_idx on casualty (updated_at, id);
create index casualty_external_ref_idx on casualty (external_ref);

create table casualty_citation (
    casualty_id  uuid          not null references casualty (id),
    position     integer       not null,
    source_id    uuid          not null references source (id),
    reliability  varchar(1),
    credibility  integer,
    published_on date,
    url          varchar(2000),
    excerpt      varchar(4000),
    primary key (casualty_id, position)
);
create index casualty_citation_source_idx on casualty_citation (source_id);
