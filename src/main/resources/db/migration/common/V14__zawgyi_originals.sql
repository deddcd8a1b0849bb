-- Burmese typed in the legacy Zawgyi encoding is stored converted to Unicode, so that search finds it whichever
-- way it was typed. What the writer typed is kept beside the record wherever conversion changed it: a JSON object
-- from the JSON Pointer of the converted field to the text as typed, null when nothing was converted.
alter table prison add column zawgyi_originals varchar(200000);
alter table source add column zawgyi_originals varchar(200000);
alter table incident add column zawgyi_originals varchar(200000);
alter table armed_inmate_report add column zawgyi_originals varchar(200000);
alter table casualty add column zawgyi_originals varchar(200000);
