-- meeting module: the concept note sets a target per participant category beside the total (issue 7).
-- category_targets: ParticipantCategory name = seats, comma-separated, e.g. 'GOV=10,IO=5'; null or '' for none.
alter table cv_concept_note_version add column category_targets varchar(200);
