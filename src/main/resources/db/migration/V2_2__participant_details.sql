-- invitation module: a participant as a secretariat records them (issue 7): title, country, language and
-- role at the meeting beside name, organisation, category, e-mail and the reserve list.
-- title: ParticipantTitle name (MR, MS, DR, PROF, HE) or null; meeting_role: MeetingRole name.
alter table cv_participant add column title varchar(8);
alter table cv_participant add column country varchar(100);
alter table cv_participant add column language varchar(50);
alter table cv_participant add column meeting_role varchar(16) not null default 'PARTICIPANT';
