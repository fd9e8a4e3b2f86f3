-- meeting module: every session takes place in a room (issue 8). Two sessions of one day clash only
-- when their times overlap in the same room: parallel working groups sit in different rooms, and a
-- break beside a plenary in another room is no clash (Agendas checks it; rooms are compared without
-- case or extra spaces). Sessions stored before get the plenary hall, a working group its own room.
alter table cv_agenda_session add column room varchar(100);
update cv_agenda_session set room = case when working_group_code is null then 'Plenary hall'
                                         else 'Room ' || working_group_code end;
alter table cv_agenda_session alter column room set not null;
