-- meeting module: where each meeting's lifecycle stands (meeting/MeetingLifecycle), written by the
-- engine as ExpertMeetingProcess calls each phase and when it ends — run to its end, or ended
-- (deleted, in Cockpit or by a cancellation) with a reason.
alter table cv_meeting add column phase varchar(32);
alter table cv_meeting add column ended_at timestamp with time zone;
alter table cv_meeting add column ended_by varchar(64);
-- FINISHED: ran to its end; ENDED: its process was deleted (a cancellation, or by hand in Cockpit)
alter table cv_meeting add column end_kind varchar(16);
alter table cv_meeting add column end_reason varchar(2000);
