-- invitation module: the SEQUENCE of each invitation's calendar entry (RFC 5545): 0 when the
-- invitation goes out, one more for each update (the meeting moved) and for its cancellation.
alter table cv_invitation add column calendar_sequence int default 0 not null;
