-- Process types: a release fixes the commands it runs (from the Procfile, or the image's CMD as
-- web), so a rollback runs exactly what that release ran.
ALTER TABLE release
    ADD COLUMN process_types JSONB;

-- The formation: how many instances of each process type should run, and what each may use
-- (NULL = Gantry's default). It belongs to the app, not to a release (a rollback keeps the current
-- scale and limits), and it survives restarts.
CREATE TABLE formation (
    id            BIGSERIAL PRIMARY KEY,
    app_id        BIGINT NOT NULL REFERENCES app (id) ON DELETE CASCADE,
    process_type  VARCHAR(30) NOT NULL CHECK (process_type ~ '^[a-z0-9]([a-z0-9-]{0,28}[a-z0-9])?$'),
    quantity      INT NOT NULL CHECK (quantity BETWEEN 0 AND 50),
    memory_bytes  BIGINT CHECK (memory_bytes >= 6291456),
    cpus          DOUBLE PRECISION CHECK (cpus > 0),
    pids          INT CHECK (pids > 0),
    UNIQUE (app_id, process_type)
);

-- ps:stop puts an app in maintenance: nothing runs and nothing restarts it until ps:start.
ALTER TABLE app
    ADD COLUMN stopped BOOLEAN NOT NULL DEFAULT FALSE;

-- The Procfile's release command (migrations) runs once per new build, before the switch; the
-- deployment records that it ran, so rolling back past it can warn that data is not rolled back.
ALTER TABLE deployment
    ADD COLUMN release_command TEXT;
