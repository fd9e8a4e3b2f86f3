-- identity module: the login throttle's counters (identity/LoginThrottle), shared by every node so that
-- a guesser gets no fresh allowance by reaching another node. One row per client address and user tried
-- (kind 'pair') and per client address across users (kind 'address'); a row is forgotten an hour after
-- its last failure once its wait is over, and a successful login deletes its pair. Portable SQL (H2 and PostgreSQL).
create table cv_login_failure (
    kind            varchar(8)   not null,
    throttle_key    varchar(400) not null,
    failures        integer      not null,
    last_failure_at timestamp with time zone not null,
    blocked_until   timestamp with time zone not null,
    constraint pk_login_failure primary key (kind, throttle_key)
);
create index ix_login_failure_last on cv_login_failure (last_failure_at);
