-- The web console records its changes (and sign-ins) in the audit log as a door of its own.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_channel_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_channel_check
    CHECK (channel IN ('ssh', 'cli', 'rest', 'git', 'console'));
