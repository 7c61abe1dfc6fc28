-- Idempotency-Key replays: the first response to a key is stored and returned again, so a
-- client that retries (timeout, lost answer) never creates a second complaint.
CREATE TABLE api_idempotency (
    idempotency_key  VARCHAR(100)  NOT NULL,
    endpoint         VARCHAR(100)  NOT NULL,
    caller           VARCHAR(64)   NOT NULL,
    request_hash     VARCHAR(64)   NOT NULL,
    case_number      VARCHAR(32),
    created_at       TIMESTAMP     DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (idempotency_key, endpoint, caller)
);
