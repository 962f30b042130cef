-- Backing services (services:create): PostgreSQL and Redis that Gantry runs from Debian packages, each
-- with its data on the engine volume gantry.service.NAME. The password is sealed like config values
-- (AES-256-GCM with the config key, which is kept outside the database).
CREATE TABLE backing_service (
    id               BIGSERIAL PRIMARY KEY,
    name             VARCHAR(30) NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,28}[a-z0-9])?$'),
    type             VARCHAR(16) NOT NULL CHECK (type IN ('POSTGRES', 'REDIS')),
    version          VARCHAR(8) NOT NULL,
    password         TEXT NOT NULL,
    -- services:backup-schedule: a cron expression (minute hour day month weekday, UTC), NULL for none.
    backup_schedule  VARCHAR(100),
    -- How many backups retention keeps, whether made by hand or by the schedule.
    backups_kept     INT NOT NULL DEFAULT 7 CHECK (backups_kept BETWEEN 1 AND 1000),
    created_by       VARCHAR(64) NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- services:link NAME APP [--as ALIAS]: the app's config gets ALIAS_URL (and, for PostgreSQL, the JDBC_
-- variables) and the service joins the app's network. No cascade from the service: services:destroy is
-- refused while it is linked. An app's links go with the app.
CREATE TABLE service_link (
    id          BIGSERIAL PRIMARY KEY,
    service_id  BIGINT NOT NULL REFERENCES backing_service (id),
    app_id      BIGINT NOT NULL REFERENCES app (id) ON DELETE CASCADE,
    alias       VARCHAR(30) NOT NULL CHECK (alias ~ '^[A-Z][A-Z0-9_]*$'),
    created_by  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (app_id, alias),
    UNIQUE (service_id, app_id)
);
CREATE INDEX service_link_service ON service_link (service_id);
