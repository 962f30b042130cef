-- A POST sent again with the same Idempotency-Key header (within 24 hours) answers the first
-- result instead of acting twice: a retried rollback makes no second release.
CREATE TABLE idempotency_key (
    id BIGSERIAL PRIMARY KEY,
    user_name TEXT NOT NULL,
    request_key TEXT NOT NULL,
    request TEXT NOT NULL,            -- method and path: a key stands for one request
    status INTEGER,                   -- null while the first request is still running
    content_type TEXT,
    body TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (user_name, request_key)
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
