-- Every list a record holds moves into the record's own row as one JSON array, so that a record, or a page of
-- them, is read with one query instead of one more per list (issue 10). Each list is copied in its order (sets,
-- which had none, alphabetically; the service lists them as their enum declares). Lists that nothing else needs
-- go with their tables. Three kinds of rows stay, written beside the row's copy and never read back by the
-- service: citations (their foreign key keeps a cited source from being deleted, and they are how SQL finds what
-- cites a source) and a report's inducements and roles (what its filters search). Stored as text: the service
-- stores and reads each document whole.

alter table prison add column alternate_names character varying(1000000000);
update prison p set
    alternate_names = coalesce((select cast(json_arrayagg(x.name order by x.position) as character varying) from prison_alternate_name x where x.prison_id = p.id),
        '[]');
alter table prison alter column alternate_names set not null;
drop table prison_alternate_name;

alter table incident add column perpetrators character varying(1000000000);
alter table incident add column opposing_forces character varying(1000000000);
alter table incident add column citations character varying(1000000000);
update incident i set
    perpetrators = coalesce((select cast(json_arrayagg(x.name order by x.position) as character varying) from incident_perpetrator x where x.incident_id = i.id),
        '[]'),
    opposing_forces = coalesce((select cast(json_arrayagg(x.name order by x.position) as character varying) from incident_opposing_force x where x.incident_id = i.id),
        '[]'),
    citations = coalesce((select cast(json_arrayagg(json_object('sourceId': cast(x.source_id as character varying), 'reliability': x.reliability,
        'credibility': x.credibility, 'publishedOn': cast(x.published_on as character varying), 'url': x.url,
        'excerpt': x.excerpt null on null) order by x.position) as character varying) from incident_citation x where x.incident_id = i.id),
        '[]');
alter table incident alter column perpetrators set not null;
alter table incident alter column opposing_forces set not null;
alter table incident alter column citations set not null;
drop table incident_perpetrator;
drop table incident_opposing_force;

alter table armed_inmate_report add column inmate_categories character varying(1000000000);
alter table armed_inmate_report add column inducements character varying(1000000000);
alter table armed_inmate_report add column roles character varying(1000000000);
alter table armed_inmate_report add column citations character varying(1000000000);
update armed_inmate_report r set
    inmate_categories = coalesce((select cast(json_arrayagg(x.category order by x.category) as character varying) from armed_inmate_report_category x where x.report_id = r.id),
        '[]'),
    inducements = coalesce((select cast(json_arrayagg(x.inducement order by x.inducement) as character varying) from armed_inmate_report_inducement x where x.report_id = r.id),
        '[]'),
    roles = coalesce((select cast(json_arrayagg(x.role order by x.role) as character varying) from armed_inmate_report_role x where x.report_id = r.id),
        '[]'),
    citations = coalesce((select cast(json_arrayagg(json_object('sourceId': cast(x.source_id as character varying), 'reliability': x.reliability,
        'credibility': x.credibility, 'publishedOn': cast(x.published_on as character varying), 'url': x.url,
        'excerpt': x.excerpt null on null) order by x.position) as character varying) from armed_inmate_report_citation x where x.report_id = r.id),
        '[]');
alter table armed_inmate_report alter column inmate_categories set not null;
alter table armed_inmate_report alter column inducements set not null;
alter table armed_inmate_report alter column roles set not null;
alter table armed_inmate_report alter column citations set not null;
drop table armed_inmate_report_category;

alter table casualty add column citations character varying(1000000000);
update casualty c set
    citations = coalesce((select cast(json_arrayagg(json_object('sourceId': cast(x.source_id as character varying), 'reliability': x.reliability,
        'credibility': x.credibility, 'publishedOn': cast(x.published_on as character varying), 'url': x.url,
        'excerpt': x.excerpt null on null) order by x.position) as character varying) from casualty_citation x where x.casualty_id = c.id),
        '[]');
alter table casualty alter column citations set not null;
