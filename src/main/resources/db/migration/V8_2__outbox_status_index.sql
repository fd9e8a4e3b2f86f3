-- mail module: the metrics count the outbox's mails by status at every scrape (mail/MailMetrics):
-- an index, so that each count reads the few waiting or uncertain rows, not the whole outbox.
create index ix_outbox_mail_status on cv_outbox_mail (status);
