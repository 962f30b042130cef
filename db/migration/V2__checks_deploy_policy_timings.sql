-- Health checks and rollout policy per app. The health check in force is also copied into every
-- release, so a rollback restores exactly the check that release ran with.

ALTER TABLE app
    ADD COLUMN checks          JSONB,
    ADD COLUMN drain_timeout_ms BIGINT NOT NULL DEFAULT 30000 CHECK (drain_timeout_ms >= 0),
    ADD COLUMN stop_grace_ms    BIGINT NOT NULL DEFAULT 10000 CHECK (stop_grace_ms >= 0),
    ADD COLUMN watch_window_ms  BIGINT NOT NULL DEFAULT 60000 CHECK (watch_window_ms >= 0),
    ADD COLUMN auto_rollback    BOOLEAN NOT NULL DEFAULT TRUE;

ALTER TABLE release
    ADD COLUMN checks JSONB;

ALTER TABLE deployment
    ADD COLUMN healthy_at  TIMESTAMPTZ,
    ADD COLUMN switched_at TIMESTAMPTZ;

ALTER TABLE deployment DROP CONSTRAINT deployment_state_check;
ALTER TABLE deployment ADD CONSTRAINT deployment_state_check
    CHECK (state IN ('STARTING', 'SWITCHING', 'SUCCEEDED', 'FAILED', 'ROLLED_BACK'));
