-- tracking module: the managers' read model of every meeting (tracking/MeetingProgress), kept up to
-- date from the modules' events (workflow/MeetingEvent); the Meetings dashboard (GET /api/meetings,
-- Cockpit) and the metrics read it. Each event's effect is idempotent and the newest fact wins (an
-- event handed out again, or late, does not undo a newer one). Portable SQL (H2 and PostgreSQL).
create table cv_meeting_progress (
    meeting_code        varchar(64)  primary key,
    title               varchar(300) not null,
    place               varchar(200) not null,
    time_zone           varchar(64)  not null,
    first_day           date         not null,
    number_of_days      int          not null,
    -- the ExpertMeetingProcess instance, for the link into Cockpit; null until the first phase starts
    process_instance_id varchar(64),
    -- meeting/MeetingPhase and meeting/MeetingState names
    phase               varchar(32),
    phase_since         timestamp with time zone,
    state               varchar(16)  not null,
    ended_at            timestamp with time zone,
    ended_by            varchar(64),
    end_reason          varchar(2000),
    registered_at       timestamp with time zone not null
);

-- one row per invitation sent: SENT (no reply yet), ACCEPTED, DECLINED, LAPSED or WITHDRAWN
create table cv_meeting_progress_invitation (
    meeting_code   varchar(64) not null,
    participant_id bigint      not null,
    status         varchar(16) not null,
    changed_at     timestamp with time zone not null,
    constraint pk_meeting_progress_invitation primary key (meeting_code, participant_id)
);

-- the drafts waiting for a review, sign-off or approval: the concept note, a document (kind and part)
create table cv_meeting_progress_draft (
    meeting_code varchar(64)  not null,
    draft        varchar(100) not null,
    title        varchar(300) not null,
    version      int          not null,
    -- true while in review; false once decided (kept, so that a late submission event does not reopen it)
    in_review    boolean      not null,
    changed_at   timestamp with time zone not null,
    constraint pk_meeting_progress_draft primary key (meeting_code, draft)
);
