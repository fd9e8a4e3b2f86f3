-- meeting module: a meeting's own timeline, where staff moved a milestone away from its default
-- (Milestone in the code): how many days before the meeting's first session it falls, in the
-- venue's calendar. A milestone without a row keeps its default.
create table cv_meeting_timeline (
    meeting_code varchar(64) not null,
    milestone    varchar(40) not null,
    days_before  int         not null,
    changed_by   varchar(64),
    changed_at   timestamp with time zone not null,
    primary key (meeting_code, milestone)
);
