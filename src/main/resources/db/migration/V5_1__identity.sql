-- identity module: the key of signed links (when not given by CONVENE_LINK_SECRET) and the
-- links already used. Portable SQL (H2 and PostgreSQL).

-- one row per key; written once by the first node that needs it, read by every node
create table cv_signed_link_key (
    name       varchar(64)  not null primary key,
    secret     varchar(128) not null,
    created_at timestamp with time zone not null
);

-- append-only: a signed link's random id, once used; the primary key refuses a second use,
-- however close together the two arrive
create table cv_signed_link_use (
    token_id     varchar(32) not null primary key,
    action       varchar(64) not null,
    meeting_code varchar(64) not null,
    subject_id   varchar(64) not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone not null
);
