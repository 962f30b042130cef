-- Gantry's ledger. Releases are append-only: a config change or a rollback adds a row, never edits one.

CREATE TABLE app (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(30) NOT NULL UNIQUE
                CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,28}[a-z0-9])?$'),
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Public keys allowed to use the SSH server; the key's name is the user it acts as.
CREATE TABLE ssh_key (
    id           BIGSERIAL PRIMARY KEY,
    user_name    VARCHAR(64) NOT NULL,
    fingerprint  VARCHAR(100) NOT NULL UNIQUE,
    public_key   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ssh_key_user ON ssh_key (user_name);

CREATE TABLE build (
    id           BIGSERIAL PRIMARY KEY,
    app_id       BIGINT NOT NULL REFERENCES app (id) ON DELETE CASCADE,
    commit_sha   VARCHAR(40) NOT NULL,
    kind         VARCHAR(30) NOT NULL,
    status       VARCHAR(20) NOT NULL CHECK (status IN ('BUILDING', 'SUCCEEDED', 'FAILED')),
    image_id     VARCHAR(100),
    image_tag    VARCHAR(200),
    log          TEXT NOT NULL DEFAULT '',
    failure      TEXT,
    created_by   VARCHAR(64) NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ
);
CREATE INDEX build_app ON build (app_id, id);

-- A snapshot of an app's environment variables; shared by every release made from it.
CREATE TABLE config (
    id          BIGSERIAL PRIMARY KEY,
    app_id      BIGINT NOT NULL REFERENCES app (id) ON DELETE CASCADE,
    vars        JSONB NOT NULL DEFAULT '{}',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE release (
    id          BIGSERIAL PRIMARY KEY,
    app_id      BIGINT NOT NULL REFERENCES app (id) ON DELETE CASCADE,
    version     INT NOT NULL CHECK (version > 0),
    build_id    BIGINT NOT NULL REFERENCES build (id),
    config_id   BIGINT NOT NULL REFERENCES config (id),
    summary     VARCHAR(500) NOT NULL,
    created_by  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (app_id, version)
);

-- The rollout of one release: its state is recorded, never inferred.
CREATE TABLE deployment (
    id           BIGSERIAL PRIMARY KEY,
    app_id       BIGINT NOT NULL REFERENCES app (id) ON DELETE CASCADE,
    release_id   BIGINT NOT NULL REFERENCES release (id) ON DELETE CASCADE,
    state        VARCHAR(20) NOT NULL
                 CHECK (state IN ('STARTING', 'SWITCHING', 'SUCCEEDED', 'FAILED')),
    failure      TEXT,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ
);
CREATE INDEX deployment_release ON deployment (release_id);
