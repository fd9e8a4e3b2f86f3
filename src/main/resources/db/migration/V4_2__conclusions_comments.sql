-- framework module: the summary conclusions' comment round counted in the venue's calendar, and
-- comments per paragraph. A round remembers the venue's time zone it was counted in and the version
-- of the draft the participants read.
alter table cv_comment_round add column time_zone varchar(64);
alter table cv_comment_round add column document_version_id bigint;

-- A comment is on one paragraph of that version (its number from 1, with the paragraph's text as the
-- participant read it) or on the whole draft (paragraph 0); it came through one participant's signed link.
alter table cv_participant_comment add column participant_id bigint;
alter table cv_participant_comment add column paragraph int default 0 not null;
alter table cv_participant_comment add column paragraph_text varchar(20000);

-- One comment per participant, round and paragraph: a form sent twice cannot double a comment.
create unique index uk_participant_comment_paragraph
    on cv_participant_comment (comment_round_id, participant_id, paragraph);
create index ix_comment_round_meeting on cv_comment_round (meeting_code);

-- Who a round asked for comments (every participant who had accepted when it opened): those who send
-- nothing by the deadline raise no objection.
create table cv_comment_round_participant (
    comment_round_id bigint       not null references cv_comment_round (id),
    participant_id   bigint       not null,
    participant_name varchar(300) not null,
    primary key (comment_round_id, participant_id)
);
