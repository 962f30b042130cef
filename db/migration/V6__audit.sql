-- Every change someone made, through which door, from where, and how it ended. Never a secret:
-- commands are recorded by name and app, not by their arguments.
CREATE TABLE audit_event (
    id        BIGSERIAL PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor     VARCHAR(64) NOT NULL,
    channel   VARCHAR(10) NOT NULL CHECK (channel IN ('ssh', 'cli', 'rest', 'git')),
    address   VARCHAR(64) NOT NULL,
    action    VARCHAR(200) NOT NULL,
    app       VARCHAR(30),
    result    VARCHAR(500) NOT NULL
);
CREATE INDEX audit_event_app ON audit_event (app, id);
