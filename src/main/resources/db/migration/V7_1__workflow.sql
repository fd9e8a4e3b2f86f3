-- workflow module: Spring Modulith's event publication registry (spring-modulith-events-jdbc 1.4),
-- the table and columns its JdbcEventPublicationRepository reads and writes. One row per event
-- and listener, written in the transaction that publishes the event and deleted once the listener
-- has handled it (completion-mode: delete), so what is left are the publications still to handle.
-- Portable SQL (H2 and PostgreSQL): the serialized event is as long as its comments need (the
-- library's H2 script stops at 4000 characters), and no index on it (PostgreSQL's B-tree refuses
-- long values; the table stays small).
create table event_publication (
    id               uuid           not null primary key,
    listener_id      varchar(512)   not null,
    event_type       varchar(512)   not null,
    serialized_event varchar(1000000) not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);

create index event_publication_by_completion_date_idx on event_publication (completion_date);
