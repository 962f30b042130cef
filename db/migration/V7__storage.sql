-- Named volumes of an app and where they are mounted. The data lives in the engine's volume
-- gantry-APP-NAME and outlives every release; destroying the app keeps it unless asked.
CREATE TABLE storage (
    id          BIGSERIAL PRIMARY KEY,
    app_id      BIGINT NOT NULL REFERENCES app (id) ON DELETE CASCADE,
    name        VARCHAR(30) NOT NULL CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,28}[a-z0-9])?$'),
    created_by  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (app_id, name)
);

-- process_type NULL: every process type, and one-off runs.
CREATE TABLE storage_mount (
    id            BIGSERIAL PRIMARY KEY,
    storage_id    BIGINT NOT NULL REFERENCES storage (id) ON DELETE CASCADE,
    path          VARCHAR(500) NOT NULL CHECK (path LIKE '/%'),
    process_type  VARCHAR(30),
    UNIQUE (storage_id, path, process_type)
);
