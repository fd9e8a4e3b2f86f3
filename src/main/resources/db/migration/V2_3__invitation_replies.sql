-- invitation module, issue 7: replies without a staff task per invitee.
-- The invitation keeps its own reply deadline (the timers read it) and, once withdrawn, who withdrew it and why.
alter table cv_invitation add column reply_deadline    timestamp with time zone;
alter table cv_invitation add column withdrawn_at      timestamp with time zone;
alter table cv_invitation add column withdrawn_by      varchar(64);
alter table cv_invitation add column withdrawal_reason varchar(2000);

-- still append-only: a late reply and a correction are new rows, never an update.
-- late: the reply came after the invitation had lapsed (its deadline timer had fired);
-- correction: staff changed an earlier reply (the invitee phoned to change their mind);
-- the practical needs an accepting invitee gave (all empty for a decline).
alter table cv_invitation_reply add column late           boolean not null default false;
alter table cv_invitation_reply add column correction     boolean not null default false;
alter table cv_invitation_reply add column travel_support boolean not null default false;
alter table cv_invitation_reply add column visa_letter    boolean not null default false;
alter table cv_invitation_reply add column dietary        varchar(500);
alter table cv_invitation_reply add column accessibility  varchar(500);

-- the reminder schedule of a meeting's invitations: whole days before the reply deadline, e.g. '14,7'.
-- A meeting without a row uses the default (14 and 7 days).
create table cv_invitation_settings (
    meeting_code  varchar(64)  primary key,
    reminder_days varchar(100) not null,
    updated_by    varchar(64),
    updated_at    timestamp with time zone not null
);
