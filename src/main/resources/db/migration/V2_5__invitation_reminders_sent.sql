-- invitation module: how many reminders an invitation has had, so the next one is the next of the
-- meeting's schedule, whenever the last one went out (a manager may fire a reminder timer early).
alter table cv_invitation add column reminders_sent integer default 0 not null;
