-- API keys (stored only as SHA-256 hashes) and the key that submitted each case record.

create table api_key (
    id           uuid                     not null primary key,
    name         varchar(200)             not null,
    role         varchar(16)              not null,
    key_hash     varchar(64)              not null,
    created_by   uuid,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone
);
create unique index api_key_hash_idx on api_key (key_hash);
create index api_key_role_idx on api_key (role, revoked_at);

-- Reporters see their own submissions whatever their confidentiality: each record remembers its submitter.
alter table source add column submitted_by uuid;
alter table incident add column submitted_by uuid;
alter table armed_inmate_report add column submitted_by uuid;
alter table casualty add column submitted_by uuid;
create index source_submitted_by_idx on source (submitted_by, id);
create index incident_submitted_by_idx on incident (submitted_by, id);
create index armed_report_submitted_by_idx on armed_inmate_report (submitted_by, id);
create index casualty_submitted_by_idx on casualty (submitted_by, id);
create index source_confidentiality_idx on source (confidentiality, id);
create index incident_confidentiality_idx on incident (confidentiality, id);
create index armed_report_confidentiality_idx on armed_inmate_report (confidentiality, id);
create index casualty_confidentiality_idx on casualty (confidentiality, id);
