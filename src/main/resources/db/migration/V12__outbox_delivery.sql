-- Delivery of the outbox: retries with back-off (next_attempt_at), a claim per dispatcher run so
-- that two nodes never deliver the same message at once (claimed_by / claimed_until, a lease that
-- expires if the node dies), FAILED is the dead-letter state after the last try.
ALTER TABLE notification_outbox ADD COLUMN next_attempt_at TIMESTAMP;
ALTER TABLE notification_outbox ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE notification_outbox ADD COLUMN claimed_until TIMESTAMP;
CREATE INDEX ix_outbox_due ON notification_outbox (status, next_attempt_at);

-- staff choose whether CaseDesk e-mails them (tasks assigned to them, escalations to their groups)
ALTER TABLE staff_profile ADD COLUMN email_alerts BOOLEAN DEFAULT TRUE NOT NULL;
