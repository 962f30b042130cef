-- Custom hostnames an app answers to, besides APP.<base domain>. A hostname belongs to one app only.
CREATE TABLE domain (
    id          BIGSERIAL PRIMARY KEY,
    app_id      BIGINT NOT NULL REFERENCES app (id) ON DELETE CASCADE,
    hostname    VARCHAR(253) NOT NULL UNIQUE,
    created_by  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX domain_app ON domain (app_id);
