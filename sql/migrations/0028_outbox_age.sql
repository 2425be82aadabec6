-- bq-sms counts the last day's messages of each outbox for its metrics:
-- by creation time, not by scanning the whole history.
CREATE INDEX sms_outbox_created ON bq.sms_outbox (created_at);
CREATE INDEX email_outbox_created ON bq.email_outbox (created_at);
