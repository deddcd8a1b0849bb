-- What was typed in Zawgyi can be as long as a record's text fields together: an incident with 50 citations and
-- their excerpts holds more than the 200,000 characters V14 gave. A request body is at most a few megabytes, so
-- 10,485,760 characters (PostgreSQL's longest varchar) holds any record's originals on both databases.
alter table prison alter column zawgyi_originals set data type varchar(10485760);
alter table source alter column zawgyi_originals set data type varchar(10485760);
alter table incident alter column zawgyi_originals set data type varchar(10485760);
alter table armed_inmate_report alter column zawgyi_originals set data type varchar(10485760);
alter table casualty alter column zawgyi_originals set data type varchar(10485760);
