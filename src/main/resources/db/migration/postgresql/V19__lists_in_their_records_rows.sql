-- Every list a record holds moves into the record's own row as one JSON array, so that a record, or a page of
-- them, is read with one query instead of one more per list (issue 10). Each list is copied in its order (sets,
-- which had none, alphabetically; the service lists them as their enum declares). Lists that nothing else needs
-- go with their tables. Three kinds of rows stay, written beside the row's copy and never read back by the
-- service: citations (their foreign key keeps a cited source from being deleted, and they are how SQL finds what
-- cites a source) and a report's inducements and roles (what its filters search). Stored as text: the service
-- stores and reads each document whole.

alter table prison add column alternate_names text;
update prison p set
    alternate_names = coalesce((select json_agg(x.name order by x.position)::text from prison_alternate_name x where x.prison_id = p.id), '[]');
alter table prison alter column alternate_names set not null;
drop table prison_alternate_name;

alter table incident add column perpetrators text;
alter table incident add column opposing_forces text;
alter table incident add column citations text;
update incident i set
    perpetrators = coalesce((select json_agg(x.name order by x.position)::text from incident_perpetrator x where x.incident_id = i.id), '[]'),
    opposing_forces = coalesce((select json_agg(x.name order by x.position)::text from incident_opposing_force x where x.incident_id = i.id), '[]'),
    citations = coalesce((select json_agg(json_build_object('sourceId', x.source_id, 'reliability', x.reliability, 'credibility', x.credibility,
        'publishedOn', x.published_on, 'url', x.url, 'excerpt', x.excerpt) order by x.position)::text from incident_citation x where x.incident_id = i.id), '[]');
alter table incident alter column perpetrators set not null;
alter table incident alter column opposing_forces set not null;
alter table incident alter column citations set not null;
drop table incident_perpetrator;
drop table incident_opposing_force;

alter table armed_inmate_report add column inmate_categories text;
alter table armed_inmate_report add column inducements text;
alter table armed_inmate_report add column roles text;
alter table armed_inmate_report add column citations text;
update armed_inmate_report r set
    inmate_categories = coalesce((select json_agg(x.category order by x.category)::text from armed_inmate_report_category x where x.report_id = r.id), '[]'),
    inducements = coalesce((select json_agg(x.inducement order by x.inducement)::text from armed_inmate_report_inducement x where x.report_id = r.id), '[]'),
    roles = coalesce((select json_agg(x.role order by x.role)::text from armed_inmate_report_role x where x.report_id = r.id), '[]'),
    citations = coalesce((select json_agg(json_build_object('sourceId', x.source_id, 'reliability', x.reliability, 'credibility', x.credibility,
        'publishedOn', x.published_on, 'url', x.url, 'excerpt', x.excerpt) order by x.position)::text from armed_inmate_report_citation x where x.report_id = r.id), '[]');
alter table armed_inmate_report alter column inmate_categories set not null;
alter table armed_inmate_report alter column inducements set not null;
alter table armed_inmate_report alter column roles set not null;
alter table armed_inmate_report alter column citations set not null;
drop table armed_inmate_report_category;

alter table casualty add column citations text;
update casualty c set
    citations = coalesce((select json_agg(json_build_object('sourceId', x.source_id, 'reliability', x.reliability, 'credibility', x.credibility,
        'publishedOn', x.published_on, 'url', x.url, 'excerpt', x.excerpt) order by x.position)::text from casualty_citation x where x.casualty_id = c.id), '[]');
alter table casualty alter column citations set not null;
